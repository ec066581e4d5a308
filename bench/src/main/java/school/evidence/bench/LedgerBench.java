package school.evidence.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;
import school.evidence.ledger.merkle.Checkpoint;
import school.evidence.ledger.merkle.LedgerVerifier;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.SchoolLog;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Section 6: the verifiable ledger at 1,000,000 leaves (one school's log): verification (every stored event re-read,
 * its leaf recomputed from the stored bytes, the root recomputed and compared with a signed checkpoint), and
 * inclusion proofs (generation from the tree, verification with nothing but the proof, the leaf and the root).
 */
final class LedgerBench {

    private static final String SECTION = "6 ledger";
    private static final String SCHOOL = "108520";

    record Noted(String note) {
    }

    private final Sizes sizes;
    private final Report report;

    LedgerBench(Sizes sizes, Report report) {
        this.sizes = sizes;
        this.report = report;
    }

    void run() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase db = client.getDatabase("ledger");
            MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder().database(db)
                    .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events())
                    .build();
            int leaves = sizes.merkleLeaves();
            System.out.println(" storing and indexing " + leaves + " events of one school");
            SchoolLog log = new SchoolLog(db);
            List<String> keys = new ArrayList<>(10_000);
            for (int a = 0; a < leaves / 10; a++) {
                List<EventMessage<?>> batch = new ArrayList<>(10);
                for (int s = 0; s < 10; s++) {
                    batch.add(new GenericDomainEventMessage<>("MonitoringActivity", "r" + a, s,
                                                              new Noted("finding " + a + "." + s),
                                                              MetaData.with("schoolUrn", SCHOOL)));
                    keys.add("r" + a + ":" + s);
                }
                engine.appendEvents(batch);
                if (keys.size() >= 10_000) {
                    log.addAll(keys);
                    keys = new ArrayList<>(10_000);
                }
            }
            log.addAll(keys);
            KeyPair signing = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            MerkleTree tree = log.tree(SCHOOL, leaves);
            Checkpoint checkpoint = Checkpoint.sign(SCHOOL, leaves, tree.root(), leaves, Instant.now(), "bench",
                                                    signing.getPrivate());

            Figure.Reps verification = new Figure.Reps();
            for (int rep = 0; rep < sizes.repetitions(); rep++) {
                long start = System.nanoTime();
                LedgerVerifier.Report result = new LedgerVerifier(db).verify(checkpoint, signing.getPublic());
                verification.add((System.nanoTime() - start) / 1e9);
                if (!result.ok() || result.verifiedLeaves() != leaves) {
                    throw new IllegalStateException("Verification failed: " + result.summary());
                }
            }
            report.add(Figure.of(SECTION, "verify " + String.format("%,d", leaves) + " leaves against a signed checkpoint",
                                 "s", verification.values, leaves >= 1_000_000 ? 3.0 : null, false,
                                 "the server's stock in-memory backend"));

            backupAndRestore(db, checkpoint, signing, leaves);

            Random random = new Random(7);
            Figure.Reps generate = new Figure.Reps();
            Figure.Reps check = new Figure.Reps();
            byte[] root = tree.root();
            int proofs = 1_000;
            for (int rep = 0; rep < sizes.repetitions() + 1; rep++) {
                int[] indexes = random.ints(proofs, 0, leaves).toArray();
                List<List<byte[]>> made = new ArrayList<>(proofs);
                long start = System.nanoTime();
                for (int index : indexes) {
                    made.add(tree.inclusionProof(index, leaves));
                }
                double generated = (System.nanoTime() - start) / 1e6 / proofs;
                start = System.nanoTime();
                for (int i = 0; i < proofs; i++) {
                    if (!MerkleTree.verifyInclusion(indexes[i], leaves, tree.leaf(indexes[i]), made.get(i), root)) {
                        throw new IllegalStateException("An inclusion proof did not verify");
                    }
                }
                double verified = (System.nanoTime() - start) / 1e6 / proofs;
                if (rep > 0) { // the first round warms the JIT
                    generate.add(generated);
                    check.add(verified);
                }
            }
            report.add(Figure.of(SECTION, "inclusion proof: generate (tree of " + String.format("%,d", leaves) + ")",
                                 "ms", generate.values, 2.0, false, "mean of 1,000 per repetition"));
            report.add(Figure.of(SECTION, "inclusion proof: verify", "ms", check.values, 2.0, false,
                                 "mean of 1,000 per repetition"));
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A full archive of the ledger (every event, the log, the signed checkpoint), then its restore into an empty
     * store on the standalone's own disk backend: check of every file, event and leaf, the writes, and the
     * verification of the restored log against the checkpoint. (Restoring into a second in-memory database beside the
     * first ran out of the bench's 8 GB heap at 1,000,000 events.)
     */
    private void backupAndRestore(MongoDatabase db, Checkpoint checkpoint, KeyPair signing, int leaves) throws Exception {
        db.getCollection(school.evidence.ledger.merkle.Checkpoints.COLLECTION)
          .insertOne(school.evidence.ledger.merkle.Checkpoints.toDocument(checkpoint));
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("bench-backup");
        Figure.Reps backup = new Figure.Reps();
        Figure.Reps bytesPerEvent = new Figure.Reps();
        java.nio.file.Path archive = null;
        for (int rep = 0; rep < sizes.repetitions(); rep++) {
            long start = System.nanoTime();
            var written = new school.evidence.ledger.backup.LedgerBackup(db, List.of(), java.time.Duration.ofSeconds(1),
                                                                         java.time.Clock.systemUTC()).full(folder.resolve("rep" + rep));
            backup.add(leaves / ((System.nanoTime() - start) / 1e9));
            long bytes;
            try (var files = java.nio.file.Files.list(written.folder())) {
                bytes = files.mapToLong(f -> f.toFile().length()).sum();
            }
            bytesPerEvent.add((double) bytes / leaves);
            archive = written.folder();
        }
        String size = String.format("%,d", leaves);
        report.add(Figure.of(SECTION, "backup, full archive of " + size + " events", "events/s", backup.values, null, true,
                             "from the embedded in-memory server; gzipped extended JSON"));
        report.add(Figure.of(SECTION, "archive size per event", "bytes", bytesPerEvent.values, null, false,
                             "all files; small synthetic events"));
        java.nio.file.Path file = folder.resolve("restored.mv");
        MongoServer disk = new MongoServer(school.evidence.store.DurableH2Backend.open(
                file.toString(), java.time.Duration.ofSeconds(45), name -> false));
        try (MongoClient diskClient = MongoClients.create(disk.bindAndGetConnectionString())) {
            long start = System.nanoTime();
            new school.evidence.ledger.backup.LedgerRestore(diskClient.getDatabase("evidence"), List.of(),
                                                            java.time.Duration.ofSeconds(10))
                    .acceptingUnsigned()
                    .restore(List.of(school.evidence.ledger.backup.Archive.open(archive)), signing.getPublic());
            report.add(Figure.of(SECTION, "restore of that archive into the standalone's disk store", "events/s",
                                 List.of(leaves / ((System.nanoTime() - start) / 1e9)), null, true,
                                 "one run: check, writes to the H2 file, verification against the checkpoint"));
            // the same verification on the store the standalone serves, as an operator's check reads it
            Figure.Reps verification = new Figure.Reps();
            for (int rep = 0; rep < sizes.repetitions(); rep++) {
                long begun = System.nanoTime();
                var result = new LedgerVerifier(diskClient.getDatabase("evidence")).verify(checkpoint,
                                                                                            signing.getPublic());
                verification.add((System.nanoTime() - begun) / 1e9);
                if (!result.ok() || result.verifiedLeaves() != leaves) {
                    throw new IllegalStateException("Verification failed: " + result.summary());
                }
            }
            report.add(Figure.of(SECTION, "verify " + size + " leaves against a signed checkpoint, on the standalone's "
                                         + "embedded store", "s", verification.values, leaves >= 1_000_000 ? 3.0 : null,
                                 false, "the restored H2 file"));
        } finally {
            disk.shutdownNow();
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
