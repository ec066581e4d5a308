package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.command.CommandSideApplication;
import school.evidence.query.QuerySideApplication;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults that lose nothing: the query side stopped while commands continue catches up with nothing missing or
 * doubled; the database unreachable in the middle of a burst of writes answers 503 with a problem body, leaves
 * nothing half-written, and the same running service carries on when the database is back.
 */
class FaultsTest {

    private static final String URN = "100999";
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void theQuerySideStoppedWhileCommandsContinueCatchesUpWithNothingMissingOrDoubled() {
        String uri = mongo();
        ConfigurableApplicationContext commandSide = start(new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri, "--spring.application.name=faults-command"));
        ConfigurableApplicationContext querySide = start(new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri, "--spring.application.name=faults-query"));
        Api commands = new Api("http://localhost:" + port(commandSide), "slt");
        Scenario school = Scenario.upToTheLessonVisit(commands, URN);
        String meeting = commands.postJson("/api/schools/" + URN + "/meetings", Map.of(
                "kind", "FULL_BOARD", "heldOn", "2023-11-01", "title", "Autumn board")).text("meetingId");
        Set<String> activities = new HashSet<>(Set.of(school.activityId));
        for (int i = 0; i < 10; i++) {
            activities.add(walk(commands, "before " + i));
        }
        Api reads = new Api("http://localhost:" + port(querySide), "slt");
        reads.await("/api/schools/" + URN + "/monitoring", r -> r.body().size() == 11);

        querySide.close();
        // commands carry on: more monitoring, challenges answered and followed up, a RAG judgement
        for (int i = 0; i < 40; i++) {
            activities.add(walk(commands, "while the query side was down " + i));
        }
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String challenge = commands.postJson("/api/schools/" + URN + "/challenges", Map.of(
                    "planId", school.planId, "actionId", school.actionId, "meetingId", meeting,
                    "raisedOn", "2023-11-01", "raisedBy", "Chair", "question", "How do we know? " + i))
                                       .text("challengeId");
            assertThat(commands.postJson("/api/challenges/" + challenge + "/responses", Map.of(
                    "answer", "Book looks show it " + i)).status()).isEqualTo(201);
            assertThat(commands.postJson("/api/challenges/" + challenge + "/follow-ups", Map.of(
                    "followUp", "Bring the next book look " + i, "dueOn", "2024-01-15")).status()).isEqualTo(201);
            challenges.add(challenge);
        }
        assertThat(commands.post(school.ragPath(), school.green()).status()).isEqualTo(201);

        ConfigurableApplicationContext restarted = start(new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri, "--spring.application.name=faults-query"));
        Api after = new Api("http://localhost:" + port(restarted), "slt");
        long ledgerEvents = RawLedger.events(ledger(uri)).countDocuments(Filters.and(Filters.eq(LedgerFields.SCHOOL, URN),
                                                                   Filters.exists("void", false)));
        JsonNode audit = after.await("/api/schools/" + URN + "/audit?size=1",
                                     r -> r.body().path("total").asLong() == ledgerEvents).body();
        assertThat(audit.path("total").asLong()).as("one audit entry per ledger event").isEqualTo(ledgerEvents);
        JsonNode monitoring = after.await("/api/schools/" + URN + "/monitoring",
                                          r -> r.body().size() == activities.size()).body();
        Set<String> listed = new HashSet<>();
        monitoring.forEach(row -> assertThat(listed.add(row.path("activityId").asText())).as("listed once").isTrue());
        assertThat(listed).isEqualTo(activities);
        JsonNode log = after.await("/api/schools/" + URN + "/challenges", r -> r.body().size() == 5).body();
        for (JsonNode challenge : log) {
            assertThat(challenge.path("answers")).as("answered once").hasSize(1);
            assertThat(challenge.path("followUps")).as("followed up once").hasSize(1);
        }
        assertThat(after.await("/api/plans/" + school.planId,
                               r -> "GREEN".equals(r.body().path("actions").path(0).path("rag").asText()))
                        .body().path("actions").path(0).path("rag").asText()).isEqualTo("GREEN");
    }

    @Test
    void theDatabaseUnreachableMidBurstAnswers503WritesNothingHalfwayAndServiceResumes() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress database = server.bind();
        running.add(server::shutdownNow);
        UnplugableLink link = new UnplugableLink(database);
        running.add(link);
        String uri = "mongodb://127.0.0.1:" + link.port() + "/evidence";
        ConfigurableApplicationContext app = start(new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--spring.data.mongodb.uri=" + uri, "--spring.application.name=faults-outage",
                "--evidence.store.unreachable-after=1s", "--evidence.store.election-wait=1s",
                "--evidence.store.write-deadline=2s",
                "--evidence.store.gap-timeout=5s"));
        Api slt = new Api("http://localhost:" + port(app), "slt");
        Scenario.upToTheLessonVisit(slt, URN);

        // four clients record learning walks without pause through the outage
        ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    Api.Reply reply = slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                            "type", "LEARNING_WALK", "occurredOn", "2023-10-20", "lead", "DHT",
                            "strengths", List.of("walk " + client + "-" + i)));
                    statuses.merge(reply.status(), 1, Integer::sum);
                    if (reply.status() == 201) {
                        acknowledged.add(reply.text("activityId"));
                    } else if (reply.status() != 503 || !reply.contentType().startsWith("application/problem+json")
                            || !"5".equals(reply.header("Retry-After"))
                            || reply.body().path("detail").asText().isBlank()) {
                        unexpected.add(reply.status() + " " + reply.raw().body());
                    }
                }
                return null;
            });
        }
        waitUntil(() -> acknowledged.size() >= 40);
        link.unplug();
        int beforeOutage = acknowledged.size();
        waitUntil(() -> statuses.getOrDefault(503, 0) >= 8);
        // reads and the access check against the ledger fail the same clear way
        Api.Reply amendment = slt.postJson("/api/monitoring/" + acknowledged.iterator().next() + "/retraction",
                                           Map.of("reason", "x"));
        assertThat(amendment.status()).as(amendment.raw().body()).isEqualTo(503);
        assertThat(slt.get("/api/schools/" + URN + "/monitoring").status()).isEqualTo(503);
        assertThat(acknowledged.size()).as("nothing acknowledged while unreachable").isLessThanOrEqualTo(beforeOutage + 4);

        link.plugIn();
        int atRecovery = acknowledged.size();
        waitUntil(() -> acknowledged.size() >= atRecovery + 40); // the same running service carries on
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(unexpected).as("only 201 or a 503 problem").isEmpty();
        assertThat(statuses.keySet()).containsOnly(201, 503);
        // every acknowledged write is in the ledger, once; nothing is there that was not acknowledged
        MongoDatabase ledgerView = ledger(uri);
        Set<String> stored = new HashSet<>();
        for (Document event : RawLedger.events(ledgerView).find(Filters.and(
                Filters.eq(LedgerFields.SCHOOL, URN), Filters.eq(LedgerFields.AGGREGATE_TYPE, "MonitoringActivity")))) {
            assertThat(stored.add(event.getString(LedgerFields.AGGREGATE_ID))).as("one event per walk").isTrue();
        }
        assertThat(stored).containsAll(acknowledged);
        Set<String> extra = new HashSet<>(stored);
        extra.removeAll(acknowledged);
        // the scenario's own lesson visit, plus at most one write per client caught at the instant of unplugging
        // (stored, but its reply lost with the connection)
        assertThat(extra.size()).as("stored but unacknowledged").isBetween(1, 5);
        // read models catch up with exactly what the ledger holds, and the ledger verifies
        Api.Reply listed = slt.await("/api/schools/" + URN + "/monitoring",
                                     r -> r.status() == 200 && r.body().size() == stored.size());
        Set<String> notProjected = new HashSet<>(stored);
        listed.body().forEach(row -> notProjected.remove(row.path("activityId").asText()));
        // a write whose reply was lost at the unplugging is the one readers are most likely to skip
        assertThat(notProjected).as("stored but never projected (acknowledged: %s)",
                                    notProjected.stream().map(acknowledged::contains).toList()).isEmpty();
        assertThat(listed.body().size()).isEqualTo(stored.size());
        assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status()).isEqualTo(201);
        Api.Reply verification = slt.get("/api/schools/" + URN + "/ledger/verification");
        assertThat(verification.body().path("ok").asBoolean()).as(verification.raw().body()).isTrue();
        System.out.println("OUTAGE RESULT statuses=" + statuses + " acknowledged=" + acknowledged.size()
                                   + " stored=" + stored.size() + " storedButUnacknowledged=" + (extra.size() - 1));
    }

    private String mongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        running.add(server::shutdownNow);
        return "mongodb://127.0.0.1:" + address.getPort() + "/evidence";
    }

    private MongoDatabase ledger(String uri) {
        MongoClient client = MongoClients.create(uri);
        running.add(client);
        return client.getDatabase("evidence");
    }

    private ConfigurableApplicationContext start(ConfigurableApplicationContext context) {
        running.add(context);
        return context;
    }

    private static String walk(Api api, String finding) {
        Api.Reply reply = api.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2023-10-20", "lead", "DHT", "strengths", List.of(finding)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.text("activityId");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
