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

/**
 * The plan, an action's timeline, the monitoring list, the challenge log and coverage as they stood at sixteen
 * instants equal the live reads taken at each of those instants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "spring.application.name=as-of-e2e"})
class AsOfEndToEndTest {

    @LocalServerPort
    int port;

    private record Seen(Instant at, JsonNode plan, List<JsonNode> others) {
    }

    /** The reads other than the plan, taken once the service has settled (two identical reads in a row). */
    private static List<JsonNode> settled(Api api, List<String> paths) {
        List<JsonNode> previous = null;
        for (int i = 0; i < 100; i++) {
            List<JsonNode> now = paths.stream().map(p -> api.get(p).body()).toList();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
            Api.sleep(100);
        }
        throw new AssertionError("reads never settled");
    }

    @Test
    void thePlanAsOfAnInstantEqualsWhatTheLiveReadShowedThen() {
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario s = Scenario.upToTheLessonVisit(slt, "100020");
        String path = "/api/plans/" + s.planId;
        List<Seen> seen = new ArrayList<>();
        String activity = s.activityId;
        String meeting = slt.postJson("/api/schools/100020/meetings", Map.of("kind", "FULL_BOARD", "heldOn", "2023-12-05",
                                                                             "title", "Board")).text("meetingId");
        String[] challenge = new String[1];
        Map<String, Object> terms = new java.util.LinkedHashMap<>();
        DemoSchool.calendar().halfTerms().forEach((h, t) -> terms.put(h.name(), Map.of("start", t.start().toString(),
                                                                                      "end", t.end().toString())));
        assertThat(slt.postJson("/api/schools/100020/calendars", Map.of("academicYear", "2023-24", "halfTerms", terms))
                      .status()).isEqualTo(201);
        List<String> others = List.of("/api/plans/" + s.planId + "/actions/" + s.actionId + "/timeline",
                                      "/api/schools/100020/monitoring", "/api/schools/100020/challenges",
                                      "/api/plans/" + s.planId + "/coverage?term=AUTUMN");
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
                () -> challenge[0] = slt.postJson("/api/schools/100020/challenges", Map.of("planId", s.planId,
                        "priorityCode", "P1", "meetingId", meeting, "raisedOn", "2023-12-05", "raisedBy", "JC",
                        "question", "How is teaching judged good?")).text("challengeId"),
                () -> slt.postJson("/api/monitoring/" + activity + "/amendments", Map.of("occurredOn", "2023-10-11",
                        "lead", "DHT", "actionIds", List.of(s.actionId), "reason", "date")),
                () -> slt.postJson("/api/challenges/" + challenge[0] + "/responses", Map.of("answer", "Visits and books")),
                () -> slt.post(path + "/publication", ""),
                () -> slt.postJson("/api/challenges/" + challenge[0] + "/closure", Map.of("whatChanged", "Termly deep dives")),
                () -> slt.post(s.ragPath(), s.green().replace("AUTUMN_2", "SUMMER_2")),
                () -> slt.postJson("/api/monitoring/" + activity + "/retraction", Map.of("reason", "duplicate")));
        for (Runnable write : writes) {
            write.run();
            List<JsonNode> settled = settled(slt, others);
            JsonNode live = settled(slt, List.of(path)).get(0);
            seen.add(new Seen(Instant.now(), live, settled));
            Api.sleep(5);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(10);
        for (Seen moment : seen) {
            Api.Reply past = slt.get(path + "?asOf=" + moment.at());
            assertThat(past.status()).isEqualTo(200);
            ObjectNode body = (ObjectNode) past.body();
            assertThat(body.remove("asOf").asText()).isEqualTo(moment.at().toString());
            assertThat(body).as("plan as of " + moment.at()).isEqualTo(moment.plan());
            for (int i = 0; i < others.size(); i++) {
                String url = others.get(i) + (others.get(i).contains("?") ? "&" : "?") + "asOf=" + moment.at();
                JsonNode then = slt.get(url).body();
                assertThat(withoutAsOf(then)).as(others.get(i) + " as of " + moment.at()).isEqualTo(moment.others().get(i));
            }
        }
        // before the plan existed there is nothing to show
        assertThat(slt.get(path + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        // planning monitoring is a version of the plan, so the ETag stays usable for If-Match
        long version = version(slt.get(path));
        assertThat(slt.post(s.ragPath(), "{\"halfTerm\":\"SUMMER_2\",\"status\":\"GREEN\",\"rationale\":\"r\",\"evidence\":[]}",
                            "If-Match", "\"" + version + "\"").status()).isEqualTo(201);
    }

    /** asOf reads say so in an {@code asOf} field; the live reads they are compared with do not. */
    private static JsonNode withoutAsOf(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("asOf");
        }
        copy.forEach(child -> {
            if (child instanceof ObjectNode object) {
                object.remove("asOf");
            }
        });
        return copy;
    }

    private static long version(Api.Reply reply) {
        return reply.body().path("version").asLong();
    }
}
