package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every projection rebuilt from the first event equals the live one, document by document; a swap keeps serving. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.load-school=true",
                              "evidence.demo.today=2023-12-20", // the demo as it stood then: its dates are 2023's
                              "spring.application.name=replay-e2e"})
class ReplayEndToEndTest {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    school.evidence.store.DerivedCollections derived;

    /** Only what the processors can redo may skip its own commit on the embedded store; never the evidence. */
    @Test
    void onlyReadModelsAndProcessorPositionsAreTreatedAsDerived() {
        assertThat(derived.names()).contains("trackingtokens", "audit_entries", "monitoring_activities", "plan_views")
                                   .doesNotContain("events", "ledger_counters", "snapshots", "idempotency_keys",
                                                   "subject_keys", "ledger_leaves", "ledger_checkpoints");
    }

    @Test
    void everyProjectionRebuildsToExactlyTheLiveDataAndASwapKeepsServing() {
        Api slt = new Api("http://localhost:" + port, "slt");
        Api operator = slt.as("operator");
        // the demo school is 55 events (43 of its plan and monitoring, 10 of its governance, 2 of its trust)
        assertThat(slt.await("/api/schools/108520/audit", r -> r.body().path("total").asInt() >= 55)
                      .body().path("total").asInt()).isEqualTo(55);
        // more kinds of fact, so every projection has something to rebuild
        String plan = "108520-2023-24";
        JsonNode actions = slt.get("/api/plans/" + plan).body().path("actions");
        String action = actions.path(0).path("actionId").asText();
        String meeting = slt.postJson("/api/schools/108520/meetings", Map.of("kind", "FULL_BOARD", "heldOn", "2023-12-05",
                                                                             "title", "Autumn board")).text("meetingId");
        String challenge = slt.postJson("/api/schools/108520/challenges", Map.of("planId", plan, "actionId", action,
                "meetingId", meeting, "raisedOn", "2023-12-05", "raisedBy", "JC", "question", "What has changed?")).text("challengeId");
        assertThat(slt.postJson("/api/challenges/" + challenge + "/responses", Map.of("answer", "Expectations shared")).status())
                .isEqualTo(201);
        assertThat(slt.postJson("/api/schools/108520/self-evaluations", Map.of("evaluatedOn", "2023-10-02", "ratings",
                List.of(Map.of("coreElement", 6, "standard", "A", "rating", 2, "evidenceNotes", "Timetable in place"))))
                      .status()).isEqualTo(201);
        assertThat(slt.as("trust-officer").postJson("/api/trusts", Map.of("trustId", "north-star", "name", "North Star")).status())
                .isEqualTo(201);
        assertThat(slt.postJson("/api/plans/" + plan + "/schedule", Map.of("halfTerm", "SPRING_1", "type", "LESSON_VISIT",
                "actionIds", List.of(action), "who", "DHT")).status()).isEqualTo(201);
        String activity = slt.get("/api/schools/108520/monitoring").body().path(0).path("activityId").asText();
        assertThat(slt.postJson("/api/monitoring/" + activity + "/retraction", Map.of("reason", "duplicate")).status())
                .isEqualTo(201);

        JsonNode groups = operator.get("/api/operations/projections").body();
        List<String> names = new ArrayList<>();
        groups.forEach(g -> names.add(g.asText()));
        assertThat(names).contains("plan-view", "action-timeline", "monitoring-list", "audit-trail", "next-steps",
                                   "challenge-log", "self-evaluations", "trusts", "monitoring-schedule", "school-calendars")
                         .doesNotContain("ledger-index");
        for (String group : names) {
            JsonNode result = null;
            for (int attempt = 0; attempt < 50; attempt++) { // the live side may still be catching up
                result = operator.post("/api/operations/projections/" + group + "/comparison", "").body();
                if (result.path("differences").isEmpty()) {
                    break;
                }
                Api.sleep(100);
            }
            assertThat(result.path("differences")).as(group + ": " + result).isEmpty();
            assertThat(result.path("events").asLong()).as(group).isEqualTo(76); // the demo trust's 69 + the 7 written above
        }

        JsonNode before = slt.get("/api/plans/" + plan).body();
        JsonNode swapped = operator.post("/api/operations/projections/plan-view/rebuild", "").body();
        assertThat(swapped.path("swapped").asBoolean()).as(swapped.toString()).isTrue();
        assertThat(slt.get("/api/plans/" + plan).body()).isEqualTo(before);
        // and the live processor carries on after the swap
        assertThat(slt.postJson("/api/plans/" + plan + "/priorities", Map.of("code", "P15", "statement", "Leadership",
                                                                             "dueBy", List.of("SUMMER_2"))).status()).isEqualTo(201);
        assertThat(slt.await("/api/plans/" + plan, r -> r.body().path("priorities").size() == 10).body()
                      .path("priorities").size()).isEqualTo(10);
        assertThat(slt.post("/api/operations/projections/plan-view/rebuild", "").status()).isEqualTo(403);

        // while the audit trail is swapped in, ten times over, a reader never finds it emptied or partial
        int total = slt.get("/api/schools/108520/audit?size=1").body().path("total").asInt();
        java.util.concurrent.atomic.AtomicBoolean swapping = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (swapping.get()) {
                seen.add(slt.get("/api/schools/108520/audit?size=1").body().path("total").asInt());
            }
        });
        for (int i = 0; i < 10; i++) {
            assertThat(operator.post("/api/operations/projections/audit-trail/rebuild", "").body()
                               .path("swapped").asBoolean()).isTrue();
        }
        swapping.set(false);
        try {
            reader.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(seen).as("audit totals read during ten swaps").containsOnly(total);
    }
}
