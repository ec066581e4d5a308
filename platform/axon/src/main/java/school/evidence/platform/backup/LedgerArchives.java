package school.evidence.platform.backup;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import school.evidence.ledger.backup.Archive;
import school.evidence.ledger.backup.ArchiveRefused;
import school.evidence.ledger.backup.Companion;
import school.evidence.ledger.backup.LedgerRestore;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What this service archives beside the ledger, and the restore it does at start when
 * {@code evidence.restore.from} names an archive or a backups folder.
 */
public final class LedgerArchives {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerArchives.class);
    static final String DEMO_SIGNING_KEY = "ledger_demo_key";
    static final String DEMO_KEK = "privacy_demo_kek";

    private LedgerArchives() {
    }

    /**
     * The subject key store (a school's own archive: only the keys its events name); in demo mode also the demo keys
     * the database keeps, without which a demo archive could be neither verified nor read.
     */
    public static List<Companion> companions(boolean demo) {
        List<Companion> companions = new ArrayList<>();
        companions.add(new Companion(SubjectKeys.COLLECTION, PersonalDataSerializer::keyIdsIn, Set.of(SubjectKeys.KEK_CHECK)));
        if (demo) {
            companions.add(Companion.whole(DEMO_SIGNING_KEY));
            companions.add(Companion.whole(DEMO_KEK));
        }
        return companions;
    }

    /** The configured public key, else (a demo archive) the demo key the archive carries. */
    public static PublicKey publicKey(List<Archive> chain, String configured) {
        if (configured != null && !configured.isBlank()) {
            return LedgerKeys.publicKey(configured.strip());
        }
        List<Document> demo = chain.get(chain.size() - 1).companionDocuments(DEMO_SIGNING_KEY);
        if (demo.isEmpty()) {
            throw new ArchiveRefused("Give the public key that verifies the archive (evidence.ledger.public-key)");
        }
        return LedgerKeys.publicKey(demo.get(0).getString("public"));
    }

    /**
     * Restores the chain {@code from} names into this empty store, before anything else uses it. Starting again with
     * the same setting after it succeeded does nothing; a store that holds other events refuses to start.
     */
    public static void restoreAtStart(MongoDatabase db, Path from, String publicKey, boolean demo, Duration writeDeadline,
                                      boolean acceptUnsigned) {
        List<Archive> chain = Archive.chainFrom(from);
        String last = chain.get(chain.size() - 1).manifest().archiveId();
        var already = LedgerRestore.restoredFrom(db);
        if (already.isPresent() && last.equals(already.get().getString("lastArchiveId"))) {
            LOG.info("The store was restored from {} already; evidence.restore.from can be removed", from);
            return;
        }
        LOG.warn("Restoring the ledger from {} ({} archive(s)) into an empty store", from, chain.size());
        long started = System.nanoTime();
        LedgerRestore restore = new LedgerRestore(db, companions(demo), writeDeadline);
        LedgerRestore.Restored restored = (acceptUnsigned ? restore.acceptingUnsigned() : restore)
                .restore(chain, publicKey(chain, publicKey));
        LOG.warn("Restored and verified {} events of {} school(s) in {} s, up to position {}. Anything written after "
                         + "{} is not in the archive and was lost; read models are rebuilt now",
                 restored.events(), restored.schools().size(), (System.nanoTime() - started) / 1_000_000_000,
                 restored.lastPosition(), restored.takenAt());
    }
}
