package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone process is killed with SIGKILL in the middle of a burst of writes and started again on the same
 * data folder: every write that was acknowledged with a 2xx is there exactly once, in the audit trail and in the
 * monitoring list.
 */
class CrashRecoveryTest {

    private static final String URN = "108520";
    private Process process;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringABurst() throws Exception {
        int port = StandaloneProcess.freePort();
        Api slt = new Api("http://localhost:" + port, "slt");
        process = StandaloneProcess.start(dataDir, port, "first");
        assertThat(slt.post("/api/schools", "{\"urn\":\"" + URN + "\",\"name\":\"Usworth Colliery\"}").status())
                .isEqualTo(201);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger attempted = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            clients.submit(() -> {
                while (attempted.incrementAndGet() <= 600) {
                    try {
                        Api.Reply reply = slt.post("/api/schools/" + URN + "/monitoring",
                                "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-08\",\"lead\":\"HT\","
                                        + "\"strengths\":[\"walk " + attempted.get() + "\"]}");
                        if (reply.status() / 100 == 2) {
                            acknowledged.add(reply.text("activityId"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        long burstDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged.size() < 200) {
            assertThat(System.nanoTime()).as("200 writes acknowledged within 2 minutes").isLessThan(burstDeadline);
            assertThat(attempted.get()).as("writes are being refused").isLessThan(600);
            Thread.sleep(5);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
        process.waitFor(30, TimeUnit.SECONDS);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(attempted.get()).isGreaterThanOrEqualTo(200);
        List<String> acked = new ArrayList<>(acknowledged);

        process = StandaloneProcess.start(dataDir, port, "second");
        Map<String, Integer> inAudit = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            inAudit = recordedActivitiesInAudit(slt);
            if (inAudit.keySet().containsAll(acked)) {
                break;
            }
            Thread.sleep(200);
        }
        for (String id : acked) {
            assertThat(inAudit.get(id)).as("audit entries for acknowledged activity " + id).isEqualTo(1);
        }

        int recorded = inAudit.size();
        // as long as the audit is given above: after a restart every projection redoes what it had not saved
        JsonNode list = slt.get("/api/schools/" + URN + "/monitoring").body();
        long listDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (list.size() < recorded && System.nanoTime() < listDeadline) {
            Thread.sleep(200);
            list = slt.get("/api/schools/" + URN + "/monitoring").body();
        }
        Map<String, Integer> inList = new HashMap<>();
        list.forEach(a -> inList.merge(a.path("activityId").asText(), 1, Integer::sum));
        for (String id : acked) {
            assertThat(inList.get(id)).as("monitoring rows for acknowledged activity " + id).isEqualTo(1);
        }
        // the store hands out positions after the last one it saved: a new recording after the restart lands once
        Api.Reply after = slt.post("/api/schools/" + URN + "/monitoring",
                                   "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-09\",\"lead\":\"HT\","
                                           + "\"strengths\":[\"after the restart\"]}");
        assertThat(after.status()).isEqualTo(201);
        String afterId = after.text("activityId");
        long afterDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!recordedActivitiesInAudit(slt).containsKey(afterId) && System.nanoTime() < afterDeadline) {
            Thread.sleep(200);
        }
        assertThat(recordedActivitiesInAudit(slt).get(afterId)).as("audit entries for the write after the restart")
                .isEqualTo(1);
        System.out.printf("crash test: %d writes attempted, %d acknowledged before SIGKILL, %d in the ledger after "
                                  + "restart%n", Math.min(attempted.get(), 600), acked.size(), inAudit.size());
    }

    private static Map<String, Integer> recordedActivitiesInAudit(Api api) {
        Map<String, Integer> counts = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = api.get("/api/schools/" + URN + "/audit?size=500&page=" + page).body();
            JsonNode items = body.path("items");
            items.forEach(e -> {
                if ("MonitoringActivityRecorded".equals(e.path("type").asText())) {
                    counts.merge(e.path("subjectId").asText(), 1, Integer::sum);
                }
            });
            if (items.size() < 500) {
                return counts;
            }
        }
    }
}
