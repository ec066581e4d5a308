package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo school backed up three times while a burst of recordings is written (a full archive, then two
 * incremental), then restored into a fresh embedded store and into a second MongoDB server on a port: every read the
 * school's people and inspectors make answers the same, and the restored logs verify against the signed checkpoints.
 * A corrupted archive stops the service from starting, saying why.
 */
class BackupRestoreEndToEndTest {

    private static final String URN = "108520";
    private static final String PLAN = "108520-2023-24";
    private static final List<String> READS = List.of(
            "/api/plans/" + PLAN, "/api/plans/" + PLAN + "/schedule?on=2024-01-10", "/api/plans/" + PLAN + "/flags?on=2024-01-10",
            "/api/schools/" + URN + "/monitoring?size=500", "/api/schools/" + URN + "/next-steps",
            "/api/schools/" + URN + "/challenges", "/api/schools/" + URN + "/meetings",
            "/api/schools/" + URN + "/audit?size=500", "/api/schools/" + URN + "/checkpoints/latest",
            "/api/schools/" + URN + "/self-evaluations", "/api/schools/" + URN + "/retention");

    @TempDir
    Path dir;

    private static String[] args(Path backups, String... more) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--evidence.demo.today=2023-12-20",
                                                   "--evidence.backup.folder=" + backups, "--evidence.backup.cron=-"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(args);
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void backedUpDuringABurstAndRestoredIntoAFreshStoreAndAnotherServerEverythingReadsTheSame() throws Exception {
        Path backups = dir.resolve("backups");
        Map<String, JsonNode> original = new LinkedHashMap<>();
        try (ConfigurableApplicationContext service = start(args(backups, "--evidence.store.data-dir=" + dir.resolve("a"),
                                                                  "--evidence.demo.load-school=true"))) {
            Api slt = new Api(base(service), "slt");
            Api operator = slt.as("operator");
            int demo = slt.get("/api/schools/" + URN + "/monitoring?size=500").body().size();
            AtomicInteger written = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        Api.Reply reply = slt.post("/api/schools/" + URN + "/monitoring",
                                "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-12-11\",\"lead\":\"HT\","
                                        + "\"strengths\":[\"walk " + i + "\"]}");
                        assertThat(reply.status()).isEqualTo(201);
                        written.incrementAndGet();
                    }
                    return null;
                });
            }
            while (written.get() < 40) {
                Thread.sleep(5);
            }
            JsonNode full = operator.post("/api/operations/backups", "").body();
            assertThat(full.path("kind").asText()).isEqualTo("full");
            System.out.printf("backup of the demo school and %d walks: %d events, %d bytes (%d per event)%n",
                              written.get(), full.path("events").asLong(), full.path("bytes").asLong(),
                              full.path("bytes").asLong() / Math.max(1, full.path("events").asLong()));
            while (written.get() < 100) {
                Thread.sleep(5);
            }
            JsonNode incremental = operator.post("/api/operations/backups", "").body();
            assertThat(incremental.path("kind").asText()).isEqualTo("incremental");
            assertThat(incremental.path("fromPosition").asLong()).isEqualTo(full.path("toPosition").asLong() + 1);
            writers.shutdown();
            assertThat(writers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            slt.await("/api/schools/" + URN + "/monitoring?size=500", r -> r.body().size() == demo + 160);
            assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status() / 100).isEqualTo(2);
            JsonNode last = operator.post("/api/operations/backups", "").body();
            assertThat(last.path("kind").asText()).isEqualTo("incremental");
            for (String read : READS) {
                original.put(read, slt.get(read).body());
            }
            assertThat(operator.get("/api/operations/backups").body().path("archives")).hasSize(3);
            assertThat(operator.getAnonymously("/actuator/health").body().path("status").asText()).isEqualTo("UP");
        }
        assertThat(original.get(READS.get(3)).size()).isGreaterThan(160);

        // into a fresh embedded store
        try (ConfigurableApplicationContext restored = start(args(dir.resolve("none"), "--evidence.store.data-dir=" + dir.resolve("b"),
                                                                   "--evidence.restore.from=" + backups))) {
            assertReadsTheSame(new Api(base(restored), "slt"), original);
        }
        // into a second MongoDB server on a port (a replica set's stand-in)
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString().replace("mongodb://", "mongodb://").concat("/evidence");
        try (ConfigurableApplicationContext restored = start(args(dir.resolve("none"), "--spring.data.mongodb.uri=" + uri,
                                                                   "--evidence.restore.from=" + backups))) {
            assertReadsTheSame(new Api(base(restored), "slt"), original);
            // and back, from a shell: an archive of the server's ledger, checked, restored into another database
            Path out = dir.resolve("from-the-server");
            assertThat(BackupCommands.run(new String[]{"backup", "--mongodb-uri", uri, "--to", out.toString()})).isZero();
            assertThat(BackupCommands.run(new String[]{"verify-backup", "--archive", out.toString()})).isZero();
            String other = uri.replace("/evidence", "/evidence2");
            assertThat(BackupCommands.run(new String[]{"restore", "--archive", out.toString(), "--mongodb-uri", other}))
                    .as("taken without the signing key: not restored unless the operator says so").isEqualTo(1);
            assertThat(BackupCommands.run(new String[]{"restore", "--archive", out.toString(), "--mongodb-uri", other,
                                                       "--accept-unsigned", "true"})).isZero();
            assertThat(BackupCommands.run(new String[]{"restore", "--archive", out.toString(), "--mongodb-uri", uri,
                                                       "--accept-unsigned", "true"}))
                    .as("a store that holds events is not restored into").isEqualTo(1);
        } finally {
            server.shutdownNow();
        }
    }

    private static void assertReadsTheSame(Api slt, Map<String, JsonNode> original) {
        int recorded = original.get(READS.get(3)).size();
        JsonNode list = slt.await(READS.get(3), r -> r.status() == 200 && r.body().size() == recorded).body();
        assertThat(list).hasSize(recorded);
        slt.await(READS.get(7), r -> r.body().path("items").size() == original.get(READS.get(7)).path("items").size());
        for (String read : READS) {
            JsonNode now = slt.await(read, r -> original.get(read).equals(r.body())).body();
            assertThat(now).as(read).isEqualTo(original.get(read));
        }
        JsonNode verification = slt.get("/api/schools/" + URN + "/ledger/verification").body();
        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        JsonNode restoredFrom = slt.as("operator").get("/api/operations/backups").body().path("restoredFrom");
        assertThat(restoredFrom.path("archives")).hasSize(3);
    }

    @Test
    void aCorruptedArchiveStopsTheServiceFromStartingAndSaysWhy() throws Exception {
        Path backups = dir.resolve("backups");
        try (ConfigurableApplicationContext service = start(args(backups, "--evidence.store.data-dir=" + dir.resolve("a"),
                                                                  "--evidence.demo.load-school=true",
                                                                  "--evidence.backup.stale-after=1ms"))) {
            Api operator = new Api(base(service), "operator");
            // no backup for longer than allowed: working (200), but DEGRADED for an operator to see
            Api.Reply health = operator.getAnonymously("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().path("status").asText()).isEqualTo("DEGRADED");
            assertThat(operator.post("/api/operations/backups", "").status()).isEqualTo(201);
            assertThat(operator.as("slt").post("/api/operations/backups", "").status()).isEqualTo(403);
        }
        Path archive;
        try (var folders = Files.list(backups)) {
            archive = folders.findFirst().orElseThrow();
        }
        Path events = archive.resolve("events.jsonl.gz");
        byte[] bytes = Files.readAllBytes(events);
        bytes[bytes.length / 3] ^= 0x20;
        Files.write(events, bytes);
        assertThatThrownBy(() -> start(args(dir.resolve("none"), "--evidence.store.data-dir=" + dir.resolve("b"),
                                            "--evidence.restore.from=" + backups)).close())
                .rootCause().hasMessageContaining("events.jsonl.gz is not the file this archive wrote");
    }
}
