package school.evidence.standalone;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a problem naming the field, and writes nothing (the audit trail does not grow). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "evidence.store.in-memory=true")
class BadInputTest {

    @LocalServerPort
    int port;
    Api slt;
    Scenario s;

    @BeforeEach
    void setUp() {
        slt = new Api("http://localhost:" + port, "slt");
        String urn = String.valueOf(200000 + (int) (Math.random() * 700000));
        s = Scenario.upToTheLessonVisit(slt, urn);
        this.urn = urn;
        slt.await(auditPath(), r -> r.body().path("total").asInt() == 7);
    }

    String urn;

    String auditPath() {
        return "/api/schools/" + urn + "/audit";
    }

    private void assertRejected(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("errors").findValuesAsText("field")).contains(field);
        Api.sleep(300); // give any (wrong) event time to reach the audit projection
        assertThat(slt.get(auditPath()).body().path("total").asInt()).isEqualTo(7);
    }

    @Test
    void aMonitoringRecordCitingAnUnknownActionIsRefused() {
        assertRejected(slt.post("/api/schools/" + urn + "/monitoring", Scenario.lessonVisit("no-such-action")),
                       400, "actionIds");
    }

    @Test
    void aRagStatusOfPurpleIsRefused() {
        assertRejected(slt.post(s.ragPath(), s.green().replace("GREEN", "PURPLE")), 400, "status");
    }

    @Test
    void aUrnOfTwoDigitsIsRefused() {
        assertRejected(slt.post("/api/schools", "{\"urn\":\"12\",\"name\":\"Tiny School\"}"), 400, "urn");
    }

    @Test
    void aCriterionForAMissingActionIsRefused() {
        assertRejected(slt.post("/api/plans/" + s.planId + "/actions/missing-action/criteria",
                                "{\"halfTerms\":[\"AUTUMN_1\"],\"text\":\"Anything\"}"), 404, "actionId");
    }

    @Test
    void aRagCitingAnUnknownActivityIsRefused() {
        assertRejected(slt.post(s.ragPath(), s.green().replace(s.activityId, "no-such-visit")), 400, "evidence");
    }

    @Test
    void anActionLinkingAnUnknownPriorityIsRefused() {
        assertRejected(slt.post("/api/plans/" + s.planId + "/actions",
                                "{\"sectionId\":\"" + s.sectionId + "\",\"number\":\"2\",\"title\":\"Reading\","
                                        + "\"priorities\":[\"P7\"]}"), 400, "priorities");
    }

    @Test
    void aMilestoneOutsideTheActionsSpanIsRefused() {
        assertRejected(slt.post("/api/plans/" + s.planId + "/actions",
                                "{\"sectionId\":\"" + s.sectionId + "\",\"number\":\"2\",\"title\":\"Reading\","
                                        + "\"timescale\":{\"startsOn\":\"2025-09-01\",\"endsOn\":\"2026-07-21\","
                                        + "\"milestones\":[{\"dueOn\":\"2026-09-30\",\"title\":\"Late\"}]}}"),
                       400, "timescale.milestones[0].dueOn");
    }

    @Test
    void unknownFieldsAndMissingFieldsAreRefused() {
        assertRejected(slt.post("/api/schools", "{\"urn\":\"123456\",\"name\":\"X\",\"headteacher\":\"Y\"}"),
                       400, "headteacher");
        assertRejected(slt.post("/api/schools/" + urn + "/monitoring", "{\"type\":\"LESSON_VISIT\",\"lead\":\"DHT\"}"),
                       400, "occurredOn");
    }

    @Test
    void aGovernorMayNotRecordMonitoringOrRag() {
        Api governor = slt.as("governor");
        Api.Reply monitoring = governor.post("/api/schools/" + urn + "/monitoring", Scenario.lessonVisit(s.actionId));
        assertThat(monitoring.status()).isEqualTo(403);
        assertThat(monitoring.contentType()).startsWith("application/problem+json");
        assertThat(governor.post(s.ragPath(), s.green()).status()).isEqualTo(403);
        // but may read
        assertThat(governor.get("/api/plans/" + s.planId).status()).isEqualTo(200);
        assertThat(slt.get(auditPath()).body().path("total").asInt()).isEqualTo(7);
    }

    @Test
    void anonymousCallersMustSignIn() {
        Api.Reply reply = slt.getAnonymously("/api/plans/" + s.planId);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void registeringTheSameSchoolTwiceConflicts() {
        assertThat(slt.post("/api/schools", "{\"urn\":\"" + urn + "\",\"name\":\"Again\"}").status()).isEqualTo(409);
        assertThat(slt.post("/api/schools/" + urn + "/plans",
                            "{\"academicYear\":\"2023-24\",\"title\":\"Second plan\"}").status()).isEqualTo(409);
    }
}
