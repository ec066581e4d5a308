package school.evidence.query.backup;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.ledger.backup.Archive;
import school.evidence.ledger.backup.LedgerBackup;
import school.evidence.ledger.backup.LedgerRestore;
import school.evidence.platform.axon.StoreProperties;
import school.evidence.platform.backup.LedgerArchives;
import school.evidence.platform.proof.SigningKey;
import school.evidence.query.ledger.LedgerProofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backups of this service's ledger into {@code evidence.backup.folder}: on the schedule (daily by default), when an
 * operator asks, or of one school. Each archive is signed with the ledger key; a new chain starts with a full
 * archive every {@code full-every} archives, the others hold only what came after the newest. Retention runs after
 * each backup.
 */
@Component
@EnableConfigurationProperties(BackupProperties.class)
public class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final MongoDatabase db;
    private final LedgerProofs proofs;
    private final BackupProperties properties;
    private final SigningKey signing;
    private final Duration settle;
    private final boolean demo;
    private final Clock clock = Clock.systemUTC();
    private final Counter failures;
    private final Timer took;
    private volatile Instant lastSuccess;
    private volatile String lastFailure;

    Backups(MongoDatabase db, LedgerProofs proofs, BackupProperties properties, SigningKey signing,
            StoreProperties store, @Value("${evidence.demo.enabled:false}") boolean demo, MeterRegistry meters) {
        this.db = db;
        this.proofs = proofs;
        this.properties = properties;
        this.signing = signing;
        // a reserved position can still receive its event until the write deadline and the driver's retry have passed
        this.settle = store.latestLanding();
        this.demo = demo;
        this.lastSuccess = newest().map(a -> Instant.parse(a.manifest().takenAt())).orElse(null);
        this.failures = Counter.builder("evidence.backup.failures").description("Backups that failed").register(meters);
        this.took = Timer.builder("evidence.backup.duration").description("How long a backup took").register(meters);
        Gauge.builder("evidence.backup.last.success", this, b -> b.lastSuccess == null ? Double.NaN
                      : b.lastSuccess.getEpochSecond()).baseUnit("seconds")
             .description("When the newest archive was taken (seconds since the epoch; NaN: none)").register(meters);
        Gauge.builder("evidence.backup.age", this, b -> b.age().map(a -> (double) a.toSeconds()).orElse(Double.NaN))
             .baseUnit("seconds").description("Age of the newest archive (NaN: none)").register(meters);
    }

    /** What a backup wrote, in the operator's terms. */
    public record Made(String archive, String kind, long events, long fromPosition, long toPosition, String takenAt,
                       long bytes, double seconds) {
    }

    /** One archive as an operator sees it listed. */
    public record Listed(String archive, String kind, long events, long fromPosition, long toPosition, String takenAt,
                         long bytes) {
    }

    /** Where a restored store came from: everything written after {@code takenAt} (position > lastPosition) was lost. */
    public record RestoredFrom(List<String> archives, long lastPosition, String takenAt, String restoredAt) {
    }

    /** Every archive in the folder, newest first. */
    public List<Listed> listed() {
        return archives().stream().map(a -> {
            var m = a.manifest();
            return new Listed(a.name(), kind(m), m.events(), m.afterPosition() + 1, m.lastPosition(), m.takenAt(),
                              size(a.folder()));
        }).toList();
    }

    /** The restore this store came from, if it came from one: what it held, and so what was lost after it. */
    public Optional<RestoredFrom> restoredFrom() {
        return LedgerRestore.restoredFrom(db).map(d -> new RestoredFrom(
                d.getList("archives", String.class), ((Number) d.get("lastPosition")).longValue(),
                d.getString("takenAt"), d.getDate("restoredAt").toInstant().toString()));
    }

    /** The daily backup (skipped, with nothing logged, when no folder is set). */
    @Scheduled(cron = "${evidence.backup.cron:0 30 1 * * *}")
    void scheduled() {
        if (properties.folder() != null) {
            try {
                backUpNow();
            } catch (RuntimeException e) {
                LOG.error("The scheduled backup failed: {}", e.getMessage(), e);
            }
        }
    }

    /** A backup of the whole ledger now: incremental after the newest archive, or full when a chain is long enough. */
    public synchronized Made backUpNow() {
        Path folder = folder();
        return measured(() -> {
            proofs.schools().forEach(proofs::signNow); // so a restore verifies every leaf logged so far against a root
            Optional<Archive> newest = newest();
            boolean full = newest.isEmpty() || chainLength(newest.get()) >= properties.fullEvery();
            LedgerBackup backup = backup();
            LedgerBackup.Written written;
            try {
                written = full ? backup.full(folder) : backup.after(folder, newest.get().manifest());
            } catch (LedgerBackup.Diverged restoredFromAnOlderArchive) {
                LOG.warn("Starting a new chain with a full backup: {}", restoredFromAnOlderArchive.getMessage());
                written = backup.full(folder);
            }
            lastSuccess = Instant.parse(written.manifest().takenAt());
            Retention.toDelete(Archive.all(folder), properties.keepDaily(), properties.keepWeekly())
                     .forEach(Backups::delete);
            return written;
        });
    }

    /** One school's own archive (its events, log, checkpoints and keys), for a school that leaves. */
    public synchronized Made backUpSchool(String urn) {
        Path folder = folder();
        if (new school.evidence.ledger.merkle.SchoolLog(db).size(urn) == 0) {
            throw new Rejection(Rejection.Kind.NOT_FOUND, "urn", "No school with URN " + urn + " has anything "
                    + "recorded in this ledger");
        }
        return measured(() -> {
            proofs.signNow(urn);
            return backup().school(folder, urn);
        });
    }

    private LedgerBackup backup() {
        return new LedgerBackup(db, LedgerArchives.companions(demo), settle, clock)
                .signedWith(signing.keyId(), signing.signing());
    }

    private interface Write {
        LedgerBackup.Written run() throws IOException;
    }

    private Made measured(Write write) {
        long started = System.nanoTime();
        try {
            LedgerBackup.Written written = write.run();
            long nanos = System.nanoTime() - started;
            took.record(Duration.ofNanos(nanos));
            lastFailure = null;
            var m = written.manifest();
            Made made = new Made(written.folder().getFileName().toString(), kind(m), m.events(), m.afterPosition() + 1,
                                 m.lastPosition(), m.takenAt(), size(written.folder()), nanos / 1e9);
            LOG.info("Backup {}: {} events, positions {} to {}, {} bytes, in {} s", made.archive(), made.events(),
                     made.fromPosition(), made.toPosition(), made.bytes(), String.format("%.1f", made.seconds()));
            return made;
        } catch (IOException | RuntimeException e) {
            failures.increment();
            lastFailure = Instant.now(clock) + ": " + e.getMessage();
            throw e instanceof IOException io ? new UncheckedIOException("The backup could not be written", io)
                    : (RuntimeException) e;
        }
    }

    static String kind(school.evidence.ledger.backup.ArchiveManifest m) {
        return m.school() != null ? "school " + m.school() : m.incremental() ? "incremental" : "full";
    }

    private Path folder() {
        if (properties.folder() == null) {
            throw new Rejection(Rejection.Kind.CONFLICT, null, "No backup folder is set: set evidence.backup.folder "
                    + "(on another disk than the store) and start again");
        }
        return properties.folder();
    }

    /** The newest archive of the whole ledger, if any. */
    public Optional<Archive> newest() {
        return properties.folder() == null ? Optional.empty() : Archive.newest(properties.folder());
    }

    /** Every archive in the folder, newest first. */
    public List<Archive> archives() {
        if (properties.folder() == null) {
            return List.of();
        }
        return Archive.all(properties.folder()).stream().sorted(Comparator.comparing(
                (Archive a) -> a.manifest().takenAt()).reversed()).toList();
    }

    public Optional<Duration> age() {
        Instant last = lastSuccess;
        return last == null ? Optional.empty() : Optional.of(Duration.between(last, clock.instant()));
    }

    public boolean configured() {
        return properties.folder() != null;
    }

    public BackupProperties properties() {
        return properties;
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private static int chainLength(Archive newest) {
        try {
            return Archive.chainTo(newest).size();
        } catch (RuntimeException broken) {
            return Integer.MAX_VALUE; // start a new chain rather than extend a broken one
        }
    }

    static long size(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Archive archive) {
        try (Stream<Path> files = Files.walk(archive.folder())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            LOG.info("Backup {} deleted by retention", archive.name());
        } catch (IOException e) {
            LOG.warn("Backup {} could not be deleted: {}", archive.name(), e.getMessage());
        }
    }
}
