package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The curl scenario against the whole standalone service over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "evidence.store.in-memory=true")
class ScenarioEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Api slt;

    private Document storedEvent(String aggregateId, long sequence) {
        return RawLedger.events(database).find(new Document("_id", aggregateId + ":" + sequence)).first();
    }

    @BeforeEach
    void connect() {
        slt = new Api("http://localhost:" + port, "slt");
    }

    @Test
    void aLessonVisitJudgedGreenReadsBackInThePlanTheTimelineAndTheAudit() {
        Scenario s = Scenario.upToTheLessonVisit(slt, "108520");
        Api.Reply rag = slt.post(s.ragPath(), s.green());
        long acknowledged = System.nanoTime();
        assertThat(rag.status()).isEqualTo(201);
        assertThat(rag.header("ETag")).isEqualTo("\"5\"");

        Api.Reply plan = slt.await("/api/plans/" + s.planId,
                                   r -> "GREEN".equals(r.body().path("actions").path(0).path("rag").asText()));
        // reported, not asserted: tests never judge wall-clock time
        System.out.printf("plan view showed the RAG %d ms after the 201%n", (System.nanoTime() - acknowledged) / 1_000_000);
        JsonNode action = plan.body().path("actions").path(0);
        assertThat(action.path("actionId").asText()).isEqualTo(s.actionId);
        assertThat(action.path("rag").asText()).isEqualTo("GREEN");
        assertThat(action.path("ragJudgement").path("halfTerm").asText()).isEqualTo("AUTUMN_2");
        assertThat(action.path("ragJudgement").path("judgedBy").asText()).isEqualTo("slt");
        assertThat(action.path("criteria").path(0).path("text").asText())
                .isEqualTo("Subject leaders share and monitor expectations for planning");
        assertThat(plan.body().path("priorities").path(0).path("code").asText()).isEqualTo("P1");
        assertThat(plan.header("ETag")).isEqualTo("\"5\"");

        Api.Reply timeline = slt.await("/api/plans/" + s.planId + "/actions/" + s.actionId + "/timeline",
                                       r -> r.body().path("entries").size() == 2);
        assertThat(kinds(timeline.body())).containsExactly("MONITORING_RECORDED", "RAG_JUDGED");
        assertThat(timeline.body().path("entries").path(0).path("activityId").asText()).isEqualTo(s.activityId);
        assertThat(timeline.body().path("entries").path(0).path("details").path("occurredOn").asText())
                .isEqualTo("2023-10-12");

        Api.Reply audit = slt.await("/api/schools/108520/audit", r -> r.body().path("total").asInt() == 8);
        assertThat(audit.body().path("total").asInt()).isEqualTo(8);
        List<String> types = new ArrayList<>();
        for (JsonNode entry : audit.body().path("items")) {
            types.add(entry.path("type").asText());
            assertThat(entry.path("recordedAt").asText()).isNotBlank();
            assertThat(entry.path("actor").asText()).isEqualTo("slt");
        }
        Document stored = storedEvent(s.planId, 5);
        assertThat(stored.getString(LedgerFields.SCHOOL)).isEqualTo("108520");
        assertThat(Document.parse(stored.getString(LedgerFields.META_DATA)))
                .containsEntry("actor", "slt").containsEntry("actorRole", "SENIOR_LEADER")
                .containsEntry("schoolUrn", "108520").containsKey("correlationId");
        assertThat(types).containsExactly("SchoolRegistered", "ImprovementPlanCreated", "PriorityAdded",
                                          "SectionAdded", "ActionAdded", "SuccessCriterionAdded",
                                          "MonitoringActivityRecorded", "ActionRagJudged");
    }

    @Test
    void amendmentsAndRetractionsStayVisibleAsSuchAndAllVersionsRemainReadable() {
        Scenario s = Scenario.upToTheLessonVisit(slt, "100001");
        Api subjectLeader = slt.as("subject-leader");
        Api.Reply amended = subjectLeader.post("/api/monitoring/" + s.activityId + "/amendments",
                "{\"occurredOn\":\"2023-10-11\",\"lead\":\"DHT\",\"strengths\":[\"Clear modelling\"],"
                        + "\"actionIds\":[\"" + s.actionId + "\"],\"reason\":\"Visit was on the 11th\"}");
        assertThat(amended.status()).isEqualTo(201);
        assertThat(amended.body().path("version").asInt()).isEqualTo(2);
        assertThat(subjectLeader.post("/api/monitoring/" + s.activityId + "/retraction",
                                      "{\"reason\":\"Recorded twice\"}").status()).isEqualTo(201);

        Api.Reply timeline = slt.await("/api/plans/" + s.planId + "/actions/" + s.actionId + "/timeline",
                                       r -> r.body().path("entries").size() == 3);
        assertThat(kinds(timeline.body()))
                .containsExactly("MONITORING_RECORDED", "MONITORING_AMENDED", "MONITORING_RETRACTED");
        assertThat(timeline.body().path("entries").path(1).path("reason").asText()).isEqualTo("Visit was on the 11th");
        // the reason is part of the event, encrypted like other personal text, not copied into the metadata
        Document amendment = storedEvent(s.activityId, 1);
        assertThat(Document.parse(amendment.getString(LedgerFields.META_DATA)))
                .doesNotContainKey("reason").containsEntry("actor", "subject-leader")
                .containsEntry("actorRole", "SUBJECT_LEADER");
        assertThat(amendment.getString(LedgerFields.PAYLOAD)).doesNotContain("Visit was on the 11th");
        assertThat(slt.await("/api/schools/100001/audit", r -> r.raw().body().contains("Visit was on the 11th"))
                      .raw().body()).contains("Visit was on the 11th");

        Api.Reply list = slt.await("/api/schools/100001/monitoring",
                                   r -> r.body().path(0).path("retracted").asBoolean());
        JsonNode record = list.body().path(0);
        assertThat(record.path("version").asInt()).isEqualTo(2);
        assertThat(record.path("current").path("occurredOn").asText()).isEqualTo("2023-10-11");
        assertThat(record.path("versions").path(0).path("details").path("occurredOn").asText()).isEqualTo("2023-10-12");
        assertThat(record.path("retraction").path("reason").asText()).isEqualTo("Recorded twice");
        assertThat(slt.get("/api/schools/100001/monitoring?includeRetracted=false").body().size()).isZero();

        // a retracted record can no longer be cited as evidence
        Api.Reply rag = slt.post(s.ragPath(), s.green());
        assertThat(rag.status()).isEqualTo(400);
        assertThat(rag.body().path("errors").path(0).path("field").asText()).isEqualTo("evidence");
    }

    @Test
    void theMonitoringListFiltersByTypeDatesAndAction() {
        Scenario s = Scenario.upToTheLessonVisit(slt, "100002");
        assertThat(slt.post("/api/schools/100002/monitoring",
                            "{\"type\":\"BOOK_SCRUTINY\",\"occurredOn\":\"2023-11-20\",\"lead\":\"English Leader\",\"workScrutiny\":{\"sampleSize\":12}}")
                      .status()).isEqualTo(201);
        slt.await("/api/schools/100002/monitoring", r -> r.body().size() == 2);

        assertThat(slt.get("/api/schools/100002/monitoring?type=BOOK_SCRUTINY").body()).hasSize(1);
        assertThat(slt.get("/api/schools/100002/monitoring?from=2023-11-01&to=2023-11-30").body()).hasSize(1);
        assertThat(slt.get("/api/schools/100002/monitoring?actionId=" + s.actionId).body().path(0)
                      .path("activityId").asText()).isEqualTo(s.activityId);
        assertThat(slt.get("/api/schools/100002/monitoring?from=2023-12-01").body()).isEmpty();
        // one page at a time, newest first, with the whole list's length
        Api.Reply first = slt.get("/api/schools/100002/monitoring?page=0&size=1");
        assertThat(first.header("X-Total-Count")).isEqualTo("2");
        assertThat(first.body()).hasSize(1);
        assertThat(first.body().path(0).path("type").asText()).isEqualTo("BOOK_SCRUTINY");
        assertThat(slt.get("/api/schools/100002/monitoring?page=1&size=1").body().path(0).path("activityId").asText())
                .isEqualTo(s.activityId);
        assertThat(slt.get("/api/schools/100002/monitoring?page=2&size=1").body()).isEmpty();
        for (String bad : new String[]{"size=0", "size=501", "page=-1"}) {
            Api.Reply refused = slt.get("/api/schools/100002/monitoring?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("errors").path(0).path("field").asText()).isEqualTo(bad.split("=")[0]);
        }
        Api.Reply badDate = slt.get("/api/schools/100002/monitoring?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("errors").path(0).path("field").asText()).isEqualTo("from");
    }

    @Test
    void aPathWithNoRouteIsNotFoundButARoutesOtherMethodsAreRefused() {
        Scenario s = Scenario.upToTheLessonVisit(slt, "108577");
        assertThat(slt.get("/api/no-such-route").status()).isEqualTo(404);
        assertThat(slt.sendAnonymously("GET", "/api/no-such-route", null).status()).isEqualTo(401);
        // the plan's path is served: only its rule answers, and it has none for HEAD, PUT or DELETE
        for (String method : List.of("HEAD", "PUT", "DELETE", "PATCH")) {
            assertThat(slt.send(method, "/api/plans/" + s.planId, null).status()).as(method).isEqualTo(403);
        }
    }

    @Test
    void healthAndTheOpenApiDocumentAreServed() {
        assertThat(slt.getAnonymously("/actuator/health").body().path("status").asText()).isEqualTo("UP");
        Api.Reply docs = slt.getAnonymously("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/plans/{planId}/actions/{actionId}/rag")).isTrue();
        for (String path : java.util.List.of(
                "/api/schools/{urn}/audit", "/api/schools/{urn}/calendars", "/api/schools/{urn}/plan-imports",
                "/api/plans/{planId}/priorities/{code}/revisions", "/api/plans/{planId}/actions/{actionId}/withdrawal",
                "/api/plans/{planId}/carried-actions", "/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/rag",
                "/api/plans/{planId}/publication", "/api/plans/{planId}/closure", "/api/plans/{planId}/flags",
                "/api/plans/{planId}/schedule", "/api/plans/{planId}/coverage", "/api/schools/{urn}/next-steps",
                "/api/schools/{urn}/meetings", "/api/schools/{urn}/challenges", "/api/challenges/{challengeId}/closure",
                "/api/schools/{urn}/self-evaluations", "/api/self-evaluation/toolkit", "/api/trusts",
                "/api/trusts/{trustId}", "/api/trusts/{trustId}/schools/{urn}/phase")) {
            assertThat(docs.body().path("paths").has(path)).as(path).isTrue();
        }
    }

    private static List<String> kinds(JsonNode timeline) {
        return StreamSupport.stream(timeline.path("entries").spliterator(), false)
                            .map(e -> e.path("kind").asText()).toList();
    }
}
