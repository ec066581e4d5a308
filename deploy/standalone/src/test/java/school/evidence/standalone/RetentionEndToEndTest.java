package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionCommands.ShredRecord;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.query.ReadModelProcessors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention schedule: records past their period are shredded (their notes read "[erased]" everywhere, the ledger
 * records who shredded what under which rule, and still verifies); a record on legal hold is kept until the hold is
 * released; records still inside their period are untouched; a shredded record can no longer change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=retention", "evidence.store.in-memory=true",
                        "evidence.retention.years.challenge=1", "evidence.retention.years.PUPIL_VOICE=3"})
class RetentionEndToEndTest {

    static final String URN = "100777";

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway gateway;
    @Autowired
    SubjectKeys keys;
    @Autowired
    Configuration axon;

    @Test
    void expiredRecordsAreShreddedHeldOnesKeptAndTheLedgerRecordsIt() {
        Api slt = new Api("http://localhost:" + port, "slt");
        Api operator = slt.as("operator");
        Scenario school = Scenario.upToTheLessonVisit(slt, URN);
        // 2019-20 lesson visit: kept 6 years after that academic year, to 31 August 2026 -> past
        String old = visit(slt, "LESSON_VISIT", "2019-10-10", "old visit: questioning in Y5 was sharp");
        // 2020-21 pupil voice: kept 3 years, to 31 August 2024 -> past, but on legal hold
        String held = visit(slt, "PUPIL_VOICE", "2021-03-01", "pupils said the reading corner helps them");
        // 2023-24 lesson visit: kept to 31 August 2030
        String recent = visit(slt, "LESSON_VISIT", "2023-10-19", "recent visit: modelling was clear");
        // a 2023-24 challenge: this school keeps challenges 1 year (test configuration), to 31 August 2025 -> past
        String meeting = slt.postJson("/api/schools/" + URN + "/meetings", Map.of(
                "kind", "FULL_BOARD", "heldOn", "2023-11-01", "title", "Autumn board")).text("meetingId");
        Api.Reply raised = slt.postJson("/api/schools/" + URN + "/challenges", Map.of(
                "planId", school.planId, "actionId", school.actionId, "meetingId", meeting, "raisedOn", "2023-11-01",
                "raisedBy", "Jo Pemberton", "question", "how do we know the reading catch-up is working?"));
        assertThat(raised.status()).as(raised.raw().body()).isEqualTo(201);
        String challenge = raised.text("challengeId");

        // a subject leader may not place a hold; a senior leader may, once
        assertThat(slt.as("subject-leader").postJson("/api/monitoring/" + held + "/legal-hold",
                                                     Map.of("reason", "x")).status()).isEqualTo(403);
        Api.Reply hold = slt.postJson("/api/monitoring/" + held + "/legal-hold",
                                      Map.of("reason", "Parent complaint under investigation"));
        assertThat(hold.status()).as(hold.raw().body()).isEqualTo(201);
        assertThat(slt.postJson("/api/monitoring/" + held + "/legal-hold", Map.of("reason", "again")).status())
                .isEqualTo(409);
        assertThat(slt.postJson("/api/monitoring/" + held + "/legal-hold", Map.of("reason", " ")).status())
                .isEqualTo(400);
        // an unknown record is not anyone's to hold: refused like another school's, without saying which
        assertThat(slt.postJson("/api/monitoring/no-such-record/legal-hold", Map.of("reason", "x")).status())
                .isEqualTo(403);

        Api.Reply run = operator.postJson("/api/operations/retention-runs", Map.of());
        assertThat(run.status()).as(run.raw().body()).isEqualTo(201);
        assertThat(ids(run.body().path("shredded"))).contains(old, challenge).doesNotContain(held, recent,
                                                                                              school.activityId);
        assertThat(ids(run.body().path("keptOnHold"))).contains(held);
        assertThat(run.body().path("failed")).isEmpty();
        assertThat(keys.status(SubjectKeys.record(old))).isEqualTo(SubjectKeys.Status.ERASED);
        assertThat(keys.status(SubjectKeys.record(recent))).isEqualTo(SubjectKeys.Status.ACTIVE);

        // the shredded notes read "[erased]" once the read models are rebuilt; the others are untouched
        String monitoring = "/api/schools/" + URN + "/monitoring";
        Api.Reply list = slt.await(monitoring, r -> !r.raw().body().contains("questioning in Y5")
                && r.raw().body().contains("modelling was clear"));
        assertThat(list.raw().body()).doesNotContain("questioning in Y5").contains("[erased]")
                                     .contains("reading corner helps").contains("modelling was clear");
        assertThat(slt.await("/api/schools/" + URN + "/challenges", r -> !r.raw().body().contains("catch-up is")
                && r.body().size() == 1)
                      .raw().body()).doesNotContain("catch-up is").doesNotContain("Jo Pemberton");
        // the ledger says who shredded what, under which rule
        JsonNode audit = slt.await("/api/schools/" + URN + "/audit", r -> r.raw().body().contains("RecordShredded"))
                            .body();
        assertThat(audit.toString()).contains("retention-schedule").contains("LegalHoldPlaced");
        // a shredded record never changes again
        assertThat(slt.postJson("/api/monitoring/" + old + "/retraction", Map.of("reason", "tidy")).status())
                .isEqualTo(409);
        assertThat(slt.postJson("/api/monitoring/" + old + "/legal-hold", Map.of("reason", "too late")).status())
                .isEqualTo(409);

        // the school's retention view
        JsonNode view = slt.await("/api/schools/" + URN + "/retention",
                                  r -> r.body().path("shreddedCount").asInt() == 2).body();
        assertThat(view.path("yearsByRecordType").path("CHALLENGE").asInt()).isEqualTo(1);
        assertThat(view.path("yearsByRecordType").path("LESSON_VISIT").asInt()).isEqualTo(6);
        assertThat(ids(view.path("onHold"))).containsExactly(held);
        assertThat(view.path("onHold").get(0).path("holdReason").asText()).isEqualTo("Parent complaint under investigation");
        assertThat(ids(view.path("recentlyShredded"))).containsExactlyInAnyOrder(old, challenge);
        assertThat(view.path("recentlyShredded").toString()).contains("2026-08-31").contains("2025-08-31");

        // a second run does nothing new
        Api.Reply again = operator.postJson("/api/operations/retention-runs", Map.of());
        assertThat(again.body().path("shredded")).isEmpty();

        // released: the next run shreds it
        assertThat(slt.postJson("/api/monitoring/" + held + "/legal-hold/release",
                                Map.of("reason", "Complaint closed")).status()).isEqualTo(201);
        assertThat(ids(operator.postJson("/api/operations/retention-runs", Map.of()).body().path("shredded")))
                .containsExactly(held);
        assertThat(slt.await(monitoring, r -> !r.raw().body().contains("reading corner helps")
                && r.raw().body().contains("modelling was clear")).raw().body()).doesNotContain("reading corner helps");

        // a run that stopped between recording the shredding and destroying the key, while the query side (which
        // also destroys it when it sees the event) was down: the next run destroys it
        String interrupted = visit(slt, "LESSON_VISIT", "2018-11-05", "older visit: feedback was timely");
        // (the read models' processors destroy it too, when they make the school's documents again)
        List<EventProcessor> querySide = java.util.stream.Stream.of(ReadModelProcessors.SHARED,
                ReadModelProcessors.QUICK).map(p -> axon.eventProcessingConfiguration().eventProcessor(p)
                                                        .orElseThrow()).toList();
        querySide.forEach(EventProcessor::shutDown);
        gateway.sendAndWait(new ShredRecord(interrupted, RecordKind.MONITORING_ACTIVITY, "LESSON_VISIT", 6,
                                            LocalDate.of(2025, 8, 31)));
        assertThat(keys.status(SubjectKeys.record(interrupted))).isEqualTo(SubjectKeys.Status.ACTIVE);
        Api.Reply late = operator.postJson("/api/operations/retention-runs", Map.of());
        assertThat(late.body().path("keysDestroyedLate").asInt()).isEqualTo(1);
        assertThat(keys.status(SubjectKeys.record(interrupted))).isEqualTo(SubjectKeys.Status.ERASED);
        querySide.forEach(EventProcessor::start);

        // and the ledger still verifies
        assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status()).isEqualTo(201);
        Api.Reply verification = slt.get("/api/schools/" + URN + "/ledger/verification");
        assertThat(verification.body().path("ok").asBoolean()).as(verification.raw().body()).isTrue();
    }

    private static String visit(Api slt, String type, String on, String note) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "type", type, "occurredOn", on, "lead", "DHT", "strengths", List.of(note),
                "focus", Map.of("subject", "Reading", "yearGroups", List.of("Y5"))));
        if (type.equals("PUPIL_VOICE")) {
            body.put("pupilVoice", Map.of("numberOfPupils", 8));
        }
        Api.Reply reply = slt.postJson("/api/schools/" + URN + "/monitoring", body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.text("activityId");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.isTextual() ? n.asText() : n.path("recordId").asText()));
        return ids;
    }
}
