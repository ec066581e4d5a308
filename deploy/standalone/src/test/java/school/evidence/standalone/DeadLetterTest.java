package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection whose handler throws on one event does not stall: later events (of other records) are still
 * projected, every other projection is unaffected, the failed event is parked in the dead-letter queue in MongoDB
 * where an operator sees it, and once the fault is fixed a retry projects it.
 */
@SpringBootTest(classes = {StandaloneApplication.class, DeadLetterTest.Fragile.class},
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=dead-letters", "evidence.store.in-memory=true"})
class DeadLetterTest {

    static final String URN = "100888";
    static final String POISON = "a finding this projection cannot handle yet";

    /** A read model with a bug: it cannot handle a finding containing the poison text until "fixed". */
    @ProcessingGroup("fragile")
    static class FragileProjection {
        final AtomicBoolean fixed = new AtomicBoolean();
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(MonitoringActivityRecorded event) {
            if (!fixed.get() && event.details().strengths().contains(POISON)) {
                throw new IllegalStateException("Unexpected finding in activity " + event.activityId());
            }
            seen.add(event.activityId());
        }
    }

    /** Registered by this test only (a plain class, so the application's component scan never picks it up). */
    static class Fragile {
        @Bean
        FragileProjection fragileProjection() {
            return new FragileProjection();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    FragileProjection fragile;
    @Autowired
    MongoDatabase database;
    @Autowired
    MeterRegistry meters;

    @Test
    void aFailingHandlerParksItsEventAndTheRestCarriesOn() {
        Api slt = new Api("http://localhost:" + port, "slt");
        Api operator = slt.as("operator");
        Scenario.upToTheLessonVisit(slt, URN);
        String poisoned = visit(slt, POISON);
        String after = visit(slt, "questioning was sharp");

        // the fragile projection carried on past the failure; the others never noticed
        await(() -> fragile.seen.contains(after));
        assertThat(fragile.seen).doesNotContain(poisoned);
        assertThat(slt.await("/api/schools/" + URN + "/monitoring", r -> r.raw().body().contains(POISON)
                                                                       && r.raw().body().contains("questioning was sharp")).raw().body())
                .contains(POISON).contains("questioning was sharp");

        // parked in MongoDB, visible to operators by ids and cause only
        JsonNode letters = operator.await("/api/operations/dead-letters",
                                          r -> r.body().path("fragile").size() == 1).body();
        JsonNode letter = letters.path("fragile").get(0);
        assertThat(letter.path("eventType").asText()).isEqualTo("MonitoringActivityRecorded");
        assertThat(letter.path("recordId").asText()).isEqualTo(poisoned);
        assertThat(letter.path("cause").asText()).contains("Unexpected finding in activity " + poisoned);
        assertThat(letters.toString()).doesNotContain(POISON);
        assertThat(letters.path("monitoring-list")).isEmpty();
        assertThat(database.getCollection("dead_letters").countDocuments()).isEqualTo(1);
        // stored as the ledger stores it: the personal finding is encrypted there too
        assertThat(database.getCollection("dead_letters").find().first().toJson()).doesNotContain(POISON);
        assertThat(meters.get("evidence.processor.dead.letters").tag("projection", "fragile").gauge().value())
                .isEqualTo(1.0);
        // only operators see the queue
        assertThat(slt.get("/api/operations/dead-letters").status()).isEqualTo(403);

        // retried while still broken: it stays parked
        JsonNode stillBroken = operator.post("/api/operations/dead-letters/fragile/retry", "{}").body();
        assertThat(stillBroken.path("sequencesRetried").asInt()).isZero();
        assertThat(stillBroken.path("lettersStillParked").asInt()).isEqualTo(1);
        assertThat(fragile.seen).doesNotContain(poisoned);

        // fixed, then retried: projected, and the queue is empty
        fragile.fixed.set(true);
        JsonNode retried = operator.post("/api/operations/dead-letters/fragile/retry", "{}").body();
        assertThat(retried.path("sequencesRetried").asInt()).isEqualTo(1);
        assertThat(retried.path("lettersStillParked").asInt()).isZero();
        assertThat(fragile.seen).contains(poisoned, after);
        assertThat(operator.get("/api/operations/dead-letters").body().path("fragile")).isEmpty();
        assertThat(database.getCollection("dead_letters").countDocuments()).isZero();
        assertThat(meters.get("evidence.processor.dead.letters").tag("projection", "fragile").gauge().value()).isZero();
        assertThat(operator.post("/api/operations/dead-letters/no-such/retry", "{}").status()).isEqualTo(404);
    }

    private static String visit(Api slt, String finding) {
        Api.Reply reply = slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2023-10-20", "lead", "DHT", "strengths", List.of(finding)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.text("activityId");
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(condition.getAsBoolean()).as("condition within 20 s").isTrue();
    }
}
