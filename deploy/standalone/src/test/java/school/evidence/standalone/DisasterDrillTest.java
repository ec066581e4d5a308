package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import school.evidence.ledger.backup.Archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill an operator rehearses: the standalone takes scheduled backups (every 3 s here) during a burst of writes,
 * is killed with SIGKILL, its store folder is deleted, and it is started from the last backup. Every write
 * acknowledged before that backup was taken is back; the writes after it are gone, and the service says from which
 * moment and position on.
 */
class DisasterDrillTest {

    private static final String URN = "108520";
    private Process process;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void afterTheStoreIsLostEveryWriteAcknowledgedBeforeTheLastBackupIsBack() throws Exception {
        int port = StandaloneProcess.freePort();
        Path backups = dir.resolve("backups");
        Api slt = new Api("http://localhost:" + port, "slt");
        process = StandaloneProcess.start(dir, port, "first", "--evidence.backup.folder=" + backups,
                                           "--evidence.backup.cron=*/3 * * * * *");
        assertThat(slt.post("/api/schools", "{\"urn\":\"" + URN + "\",\"name\":\"Usworth Colliery\"}").status())
                .isEqualTo(201);
        Map<String, Instant> acknowledgedAt = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (writing.get()) {
                    try {
                        Api.Reply reply = slt.post("/api/schools/" + URN + "/monitoring",
                                "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-08\",\"lead\":\"HT\"}");
                        if (reply.status() == 201) {
                            acknowledgedAt.put(reply.text("activityId"), Instant.now());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        // until the newest of at least two scheduled backups holds more than 20 writes and more than 20 came after it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!enoughBeforeAndAfterNewest(backups, acknowledgedAt)) {
            assertThat(System.nanoTime()).as("scheduled backups during the burst").isLessThan(deadline);
            Thread.sleep(100);
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        writing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Archive last = Archive.newest(backups).orElseThrow();
        Instant takenAt = Instant.parse(last.manifest().takenAt());
        deleteFolder(dir.resolve("store"));

        process = StandaloneProcess.start(dir, port, "restored", "--evidence.backup.folder=" + backups,
                                           "--evidence.restore.from=" + backups, "--evidence.backup.cron=-");
        Set<String> before = new HashSet<>();
        Set<String> after = new HashSet<>();
        acknowledgedAt.forEach((id, at) -> (at.isBefore(takenAt) ? before : after).add(id));
        assertThat(before).hasSizeGreaterThan(20);
        Set<String> recorded = new HashSet<>();
        long listDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!recorded.containsAll(before) && System.nanoTime() < listDeadline) {
            recorded.clear();
            for (int page = 0; ; page++) {
                JsonNode rows = slt.get("/api/schools/" + URN + "/monitoring?size=500&page=" + page).body();
                rows.forEach(a -> recorded.add(a.path("activityId").asText()));
                if (rows.size() < 500) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        assertThat(recorded).as("every write acknowledged before the last backup").containsAll(before);
        Set<String> lost = new HashSet<>(after);
        lost.removeAll(recorded);
        assertThat(lost).as("writes lost").isNotEmpty();
        JsonNode restoredFrom = slt.as("operator").get("/api/operations/backups").body().path("restoredFrom");
        assertThat(restoredFrom.path("takenAt").asText()).isEqualTo(last.manifest().takenAt());
        assertThat(restoredFrom.path("lastPosition").asLong()).isEqualTo(last.manifest().lastPosition());
        JsonNode verification = slt.get("/api/schools/" + URN + "/ledger/verification").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        System.out.printf("disaster drill: %d writes acknowledged, %d before the last backup (%s, position %d) all "
                                  + "back, %d after it lost%n", acknowledgedAt.size(), before.size(), takenAt,
                          last.manifest().lastPosition(), lost.size());
    }

    private static boolean enoughBeforeAndAfterNewest(Path backups, Map<String, Instant> acknowledgedAt) {
        var archives = Archive.all(backups);
        if (archives.size() < 2) {
            return false;
        }
        Instant takenAt = Instant.parse(archives.get(archives.size() - 1).manifest().takenAt());
        long before = acknowledgedAt.values().stream().filter(t -> t.isBefore(takenAt)).count();
        return before > 20 && acknowledgedAt.size() - before > 20;
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(folder).doesNotExist();
    }
}
