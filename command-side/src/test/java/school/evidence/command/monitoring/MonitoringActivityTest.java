package school.evidence.command.monitoring;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.plan.PlanActions;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class MonitoringActivityTest {

    private static final String URN = "108520";
    private static final String PLAN = "108520-2023-24";
    private static final MonitoringDetails VISIT = new MonitoringDetails(
            LocalDate.of(2023, 10, 12), "DHT", new MonitoringDetails.Focus("Reading", List.of("Y4")),
            List.of("Clear modelling"), List.of("Pace in independent work"), List.of("a1"));
    private static final MonitoringActivityRecorded RECORDED =
            new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT, VISIT);

    private AggregateTestFixture<MonitoringActivity> fixture;

    @BeforeEach
    void setUp() {
        Map<String, Set<String>> plans = Map.of(PLAN, Set.of("a1", "a2"));
        fixture = new AggregateTestFixture<>(MonitoringActivity.class);
        fixture.registerInjectableResource((PlanActions) id -> Optional.ofNullable(plans.get(id)));
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
    }

    @Test
    void recordsALessonVisitAgainstThePlanOfTheYearItHappenedIn() {
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, VISIT))
               .expectEvents(RECORDED);
    }

    @Test
    void refusesMonitoringForASchoolThatIsNotRegistered() {
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", "999999", MonitoringType.LESSON_VISIT, VISIT))
               .expectExceptionMessage("No school is registered with URN 999999")
               .expectNoEvents();
    }

    @Test
    void refusesAnUnknownActionId() {
        MonitoringDetails wrong = new MonitoringDetails(VISIT.occurredOn(), "DHT", VISIT.focus(), List.of(),
                                                        List.of(), List.of("a1", "ghost"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, wrong))
               .expectExceptionMessage("The 2023-24 plan has no action ghost")
               .expectNoEvents();
    }

    @Test
    void refusesActionsWhenTheSchoolHasNoPlanForThatYear() {
        MonitoringDetails nextYear = new MonitoringDetails(LocalDate.of(2024, 9, 10), "DHT", null, List.of(),
                                                           List.of(), List.of("a1"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LEARNING_WALK, nextYear))
               .expectExceptionMessage("The school has no improvement plan for 2024-25, when this happened");
    }

    @Test
    void refusesADateInTheFuture() {
        MonitoringDetails future = new MonitoringDetails(LocalDate.now().plusDays(2), "DHT", null, List.of(),
                                                         List.of(), List.of());
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.BOOK_SCRUTINY, future))
               .expectException(Rejection.class)
               .expectNoEvents();
    }

    @Test
    void amendsWithAReasonAsANewVersion() {
        MonitoringDetails corrected = new MonitoringDetails(LocalDate.of(2023, 10, 11), "DHT", VISIT.focus(),
                                                            VISIT.strengths(), VISIT.areasForDevelopment(),
                                                            List.of("a1", "a2"));
        fixture.given(RECORDED)
               .when(new AmendMonitoringActivity("v1", corrected, "Wrong date entered"))
               .expectEvents(new MonitoringActivityAmended("v1", URN, PLAN, MonitoringType.LESSON_VISIT, corrected, 2,
                                                           "Wrong date entered"))
               .expectResultMessagePayload(2);
    }

    @Test
    void refusesAnAmendmentWithoutAReason() {
        fixture.given(RECORDED)
               .when(new AmendMonitoringActivity("v1", VISIT, " "))
               .expectException(Rejection.class)
               .expectNoEvents();
    }

    @Test
    void retractsOnceAndThenRefusesChanges() {
        fixture.given(RECORDED)
               .when(new RetractMonitoringActivity("v1", "Recorded against the wrong school"))
               .expectEvents(new MonitoringActivityRetracted("v1", URN, "Recorded against the wrong school"));
        fixture.given(RECORDED, new MonitoringActivityRetracted("v1", URN, "wrong school"))
               .when(new AmendMonitoringActivity("v1", VISIT, "fix"))
               .expectExceptionMessage("This monitoring record was retracted; it can no longer change");
        fixture.given(RECORDED, new MonitoringActivityRetracted("v1", URN, "wrong school"))
               .when(new RetractMonitoringActivity("v1", "again"))
               .expectException(Rejection.class);
    }
}
