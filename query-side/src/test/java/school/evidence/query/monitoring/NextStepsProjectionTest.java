package school.evidence.query.monitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.CheckOutcome;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStepCheck;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

class NextStepsProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static MonitoringDetails on(String date, List<NextStep> steps, List<NextStepCheck> checks) {
        return new MonitoringDetails(LocalDate.parse(date), "DHT", null, List.of(), List.of(), List.of(), List.of(),
                                     steps, checks, false, Specifics.NONE);
    }

    @Test
    void listsOpenOverdueAndCheckedStepsPerSchoolAndOwner() {
        var db = MONGO.freshDatabase();
        NextStepsProjection projection = new NextStepsProjection(db);
        MonitoringQueryController reads = new MonitoringQueryController(new MonitoringReads(db));
        NextStep editing = new NextStep("v1-ns1", "Model editing in Y4", "English Leader", LocalDate.of(2023, 11, 1));
        NextStep pace = new NextStep("v1-ns2", "Pace in independent work", "DHT", LocalDate.of(2023, 12, 1));
        NextStep vocab = new NextStep("v2-ns1", "Vocabulary recall", "AHT", LocalDate.of(2024, 1, 31));
        feed(projection,
             event("MonitoringActivity", "v1", 0, new MonitoringActivityRecorded("v1", "108520", null,
                     MonitoringType.LESSON_VISIT, on("2023-10-12", List.of(editing, pace), List.of())), "slt"),
             event("MonitoringActivity", "v2", 0, new MonitoringActivityRecorded("v2", "108520", null,
                     MonitoringType.PUPIL_VOICE, on("2023-11-22", List.of(vocab), List.of(new NextStepCheck(
                             "v1-ns1", CheckOutcome.ACTED_UPON, "Editing seen in most books")))), "slt"),
             event("MonitoringActivity", "x1", 0, new MonitoringActivityRecorded("x1", "100000", null,
                     MonitoringType.LESSON_VISIT, on("2023-10-12", List.of(new NextStep("x1-ns1", "Elsewhere", "HT",
                             LocalDate.of(2023, 10, 20))), List.of())), "other"));

        LocalDate dec = LocalDate.of(2023, 12, 10);
        assertThat(reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.OPEN, null, dec))
                .extracting(NextStepView::stepId).containsExactly("v1-ns2", "v2-ns1");
        assertThat(reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.OVERDUE, null, dec))
                .extracting(NextStepView::stepId).containsExactly("v1-ns2");
        assertThat(reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.OPEN, "AHT", dec))
                .extracting(NextStepView::stepId).containsExactly("v2-ns1");
        NextStepView checked = reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.CHECKED, null, dec).get(0);
        assertThat(checked.lastOutcome()).isEqualTo("ACTED_UPON");
        assertThat(checked.checks().get(0).impact())
                .isEqualTo("Editing seen in most books");

        // an amendment dropping a step removes it; retracting the activity withdraws its steps
        feed(projection,
             event("MonitoringActivity", "v1", 1, new MonitoringActivityAmended("v1", "108520", null,
                     MonitoringType.LESSON_VISIT, on("2023-10-12", List.of(editing), List.of()), 2, "pace done"), "slt"),
             event("MonitoringActivity", "v2", 1, new MonitoringActivityRetracted("v2", "108520", "wrong class"), "slt"));
        assertThat(reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.OPEN, null, dec)).isEmpty();
        assertThat(reads.nextSteps("108520", MonitoringQueryController.NextStepStatus.ALL, null, dec))
                .extracting(NextStepView::status).containsExactly("CHECKED", "REMOVED", "WITHDRAWN");
    }
}
