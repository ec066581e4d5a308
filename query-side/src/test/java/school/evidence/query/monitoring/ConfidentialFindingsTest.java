package school.evidence.query.monitoring;

import school.evidence.query.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.query.EmbeddedMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

/** Developmental notes about a named teacher: in full for senior leaders and that teacher, a summary for the rest. */
class ConfidentialFindingsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final Caller GOVERNOR = new Caller("gov1", "Jo Chair", Set.of(Role.GOVERNOR), Set.of("108520"), Set.of());
    /** Shares the teacher's name, and even has it as a user id: neither makes them the teacher. */
    private static final Caller NAMESAKE = new Caller("Rosa Hart", "Rosa Hart", Set.of(Role.GOVERNOR), Set.of("108520"),
                                                      Set.of());
    private static final Caller THE_TEACHER = new Caller("r.hart@school.example", "Rosa Hart",
                                                         Set.of(Role.SUBJECT_LEADER), Set.of("108520"), Set.of());
    private static final Caller ANOTHER_TEACHER = new Caller("k.lee@school.example", "Kim Lee",
                                                             Set.of(Role.SUBJECT_LEADER), Set.of("108520"), Set.of());

    @Test
    void othersSeeThatTheRecordExistsAndItsNonPersonalSummaryOnly() {
        var db = MONGO.freshDatabase();
        MonitoringListProjection list = new MonitoringListProjection(db);
        NextStepsProjection steps = new NextStepsProjection(db);
        MonitoringQueryController reads = new MonitoringQueryController(new MonitoringReads(db));
        MonitoringDetails notes = new MonitoringDetails(
                LocalDate.of(2023, 10, 12), "DHT", new MonitoringDetails.Focus("Reading", List.of("Y4")),
                List.of("Warm relationships"), List.of("Questioning rarely checks understanding"), List.of("a1"),
                List.of("obs-4B.pdf"), List.of(new NextStep("c1-ns1", "Plan hinge questions", "Rosa Hart",
                                                            LocalDate.of(2023, 11, 10))), List.of(), true,
                new Specifics(new Specifics.LessonVisit(Specifics.VisitKind.OBSERVATION, "4B", "Rosa Hart",
                                                          "r.hart@school.example"), null, null,
                              null, null, null, null, null, null, null));
        var recorded = event("MonitoringActivity", "c1", 0, new MonitoringActivityRecorded(
                "c1", "108520", "108520-2023-24", MonitoringType.LESSON_VISIT, notes), "slt");
        feed(list, recorded);
        feed(steps, recorded);

        for (Caller reader : List.of(EmbeddedMongo.SENIOR_LEADER, THE_TEACHER)) {
            EmbeddedMongo.signIn(reader);
            MonitoringRecord row = reads.list("108520", null, null, null, null, null, true).get(0);
            assertThat(row.current().areasForDevelopment())
                    .as(reader.userId()).containsExactly("Questioning rarely checks understanding");
            assertThat(reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.OPEN, null,
                                       LocalDate.of(2023, 10, 20)).get(0).text()).isEqualTo("Plan hinge questions");
        }
        for (Caller reader : List.of(GOVERNOR, ANOTHER_TEACHER, NAMESAKE)) {
            EmbeddedMongo.signIn(reader);
            for (MonitoringRecord row : List.of(reads.list("108520", null, null, null, null, null, true).get(0),
                                        reads.list("108520", null, null, null, null, null, true, Instant.now()).get(0))) {
                ActivityDetails current = row.current();
                assertThat(row.activityId()).isEqualTo("c1");
                assertThat(current.occurredOn()).isEqualTo("2023-10-12");
                assertThat(current.actionIds()).containsExactly("a1");
                assertThat(current.restricted()).isEqualTo(ConfidentialFindings.RESTRICTED);
                assertThat(TestJson.of(row)).as(reader.userId()).doesNotContain("Rosa Hart", "Questioning", "Warm",
                                                                            "hinge", "obs-4B");
            }
            NextStepView step = reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.OPEN, null,
                                            LocalDate.of(2023, 10, 20)).get(0);
            assertThat(step.stepId()).isEqualTo("c1-ns1");
            assertThat(step.text()).isNull();
            assertThat(TestJson.of(step)).doesNotContain("hinge", "Rosa Hart");
        }
    }
}
