package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan as it stood at ten instants equals the live read taken at each of those instants. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "spring.application.name=as-of-e2e"})
class AsOfEndToEndTest {

    @LocalServerPort
    int port;

    private record Seen(Instant at, JsonNode plan) {
    }

    @Test
    void thePlanAsOfAnInstantEqualsWhatTheLiveReadShowedThen() {
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario s = Scenario.upToTheLessonVisit(slt, "100020");
        String path = "/api/plans/" + s.planId;
        List<Seen> seen = new ArrayList<>();
        List<Runnable> writes = List.of(
                () -> slt.post(s.ragPath(), s.green()),
                () -> slt.postJson(path + "/priorities", Map.of("code", "P2", "statement", "Reading", "dueBy", List.of("SUMMER_2"))),
                () -> slt.postJson(path + "/priorities/P2/revisions", Map.of("statement", "Reading at the core",
                                                                              "dueBy", List.of("SPRING_2"), "reason", "sooner")),
                () -> slt.postJson(path + "/actions", Map.of("sectionId", s.sectionId, "number", "2", "title", "Reading",
                                                             "priorities", List.of("P2"))),
                () -> slt.postJson(path + "/schedule", Map.of("halfTerm", "SPRING_1", "type", "LESSON_VISIT",
                                                              "actionIds", List.of(s.actionId), "who", "DHT")),
                () -> slt.post(s.ragPath(), s.green().replace("GREEN", "AMBER").replace("AUTUMN_2", "SPRING_1")),
                () -> slt.postJson(path + "/actions/" + s.actionId + "/criteria/" + s.criterionId + "/rag",
                                   Map.of("halfTerm", "AUTUMN_1", "status", "GREEN", "rationale", "shared", "evidence", List.of())),
                () -> slt.postJson(path + "/priorities/P2/withdrawal", Map.of("reason", "merged into P1")),
                () -> slt.post(path + "/publication", ""),
                () -> slt.post(s.ragPath(), s.green().replace("AUTUMN_2", "SUMMER_2")));
        for (Runnable write : writes) {
            long before = version(slt.get(path));
            write.run();
            JsonNode live = slt.await(path, r -> version(r) > before).body();
            seen.add(new Seen(Instant.now(), live));
            Api.sleep(5);
        }
        assertThat(seen).hasSize(10);
        for (Seen moment : seen) {
            Api.Reply past = slt.get(path + "?asOf=" + moment.at());
            assertThat(past.status()).isEqualTo(200);
            ObjectNode body = (ObjectNode) past.body();
            assertThat(body.remove("asOf").asText()).isEqualTo(moment.at().toString());
            assertThat(body).as("plan as of " + moment.at()).isEqualTo(moment.plan());
        }
        // before the plan existed there is nothing to show
        assertThat(slt.get(path + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        // planning monitoring is a version of the plan, so the ETag stays usable for If-Match
        long version = version(slt.get(path));
        assertThat(slt.post(s.ragPath(), s.green(), "If-Match", "\"" + version + "\"").status()).isEqualTo(201);
    }

    private static long version(Api.Reply reply) {
        return reply.body().path("version").asLong();
    }
}
