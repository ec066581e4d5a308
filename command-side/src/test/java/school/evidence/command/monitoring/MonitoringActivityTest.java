package school.evidence.command.monitoring;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.plan.PlanLookup;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.command.trustplan.TrustActionLookup;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStepCheck;

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

    private final java.util.Map<String, MonitoringRecords.Facts> others = new java.util.HashMap<>();
    private AggregateTestFixture<MonitoringActivity> fixture;

    @BeforeEach
    void setUp() {
        PlanLookup.ActionFacts live = new PlanLookup.ActionFacts("1", null, false, null);
        PlanLookup.ActionFacts withdrawn = new PlanLookup.ActionFacts("3", null, true, null);
        Map<String, PlanLookup.PlanFacts> plans = Map.of(PLAN, new PlanLookup.PlanFacts(
                PLAN, URN, "2023-24", Set.of("P1"), Map.of("a1", live, "a2", live, "gone", withdrawn),
                Map.of("pm1", new PlanLookup.PlannedFacts(MonitoringType.LESSON_VISIT, false),
                       "pm-off", new PlanLookup.PlannedFacts(MonitoringType.LESSON_VISIT, true))));
        others.put("earlier", new MonitoringRecords.Facts(URN, false, Set.of("earlier-ns1")));
        others.put("elsewhere", new MonitoringRecords.Facts("100000", false, Set.of("elsewhere-ns1")));
        others.put("pulled", new MonitoringRecords.Facts(URN, true, Set.of()));
        fixture = new AggregateTestFixture<>(MonitoringActivity.class);
        fixture.registerInjectableResource((PlanLookup) id -> Optional.ofNullable(plans.get(id)));
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        // the school takes part in trust action t1 of a plan covering 2023-24 and 2024-25
        fixture.registerInjectableResource((TrustActionLookup) (urn, year) -> URN.equals(urn)
                && (year.equals("2023-24") || year.equals("2024-25")) ? Set.of("t1") : Set.of());
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.ofNullable(others.get(id)));
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
               .expectExceptionMessage("The 2023-24 plan has no action ghost, nor does a trust's plan the school "
                                       + "takes part in")
               .expectNoEvents();
    }

    @Test
    void refusesAWithdrawnAction() {
        MonitoringDetails wrong = new MonitoringDetails(VISIT.occurredOn(), "DHT", VISIT.focus(), List.of(),
                                                        List.of(), List.of("gone"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, wrong))
               .expectExceptionMessage("The 2023-24 plan has no action gone, nor does a trust's plan the school "
                                       + "takes part in")
               .expectNoEvents();
    }

    @Test
    void refusesActionsWhenTheSchoolHasNoPlanForThatYear() {
        MonitoringDetails nextYear = new MonitoringDetails(LocalDate.of(2024, 9, 10), "DHT", null, List.of(),
                                                           List.of(), List.of("a1"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LEARNING_WALK, nextYear))
               .expectExceptionMessage("The school has no improvement plan for 2024-25, when this happened, nor "
                                       + "takes part in a trust's action a1");
    }

    @Test
    void citesAnActionOfATrustPlanTheSchoolTakesPartInBesideItsOwn() {
        MonitoringDetails both = new MonitoringDetails(VISIT.occurredOn(), "DHT", VISIT.focus(), List.of(),
                                                       List.of(), List.of("a1", "t1"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, both))
               .expectEvents(new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT, both));
    }

    @Test
    void citesATrustActionInAYearTheSchoolHasNoPlanOfItsOwn() {
        MonitoringDetails trustOnly = new MonitoringDetails(LocalDate.of(2024, 9, 10), "DHT", null, List.of(),
                                                            List.of(), List.of("t1"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LEARNING_WALK, trustOnly))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesATrustActionAnotherSchoolTakesPartIn() {
        MonitoringDetails elsewhere = new MonitoringDetails(VISIT.occurredOn(), "DHT", VISIT.focus(), List.of(),
                                                            List.of(), List.of("t2"));
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, elsewhere))
               .expectException(Rejection.class).expectNoEvents();
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

    private static MonitoringDetails with(Specifics specifics, List<NextStep> steps, List<NextStepCheck> checks,
                                          MonitoringDetails.Focus focus) {
        return new MonitoringDetails(VISIT.occurredOn(), "DHT", focus, List.of("s"), List.of(), List.of(),
                                     List.of("Y4 books, Oct 2023"), steps, checks, false, specifics);
    }

    @Test
    void givesNextStepsIdsAndAcceptsChecksOfEarlierOnes() {
        NextStep step = new NextStep(null, "Model editing in Y4", "English Leader", LocalDate.of(2023, 11, 30));
        NextStepCheck check = new NextStepCheck("earlier-ns1", MonitoringDetails.CheckOutcome.ACTED_UPON,
                                                "Editing now seen in most books");
        MonitoringDetails details = with(Specifics.NONE, List.of(step), List.of(check), null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v9", URN, MonitoringType.LESSON_VISIT, details))
               .expectEvents(new MonitoringActivityRecorded("v9", URN, null, MonitoringType.LESSON_VISIT,
                       details.withNextSteps(List.of(new NextStep("v9-ns1", step.text(), step.owner(), step.dueOn())))));
    }

    @Test
    void refusesChecksOfNextStepsThatDoNotExistOrBelongElsewhereAndStepsDueBeforeTheActivity() {
        for (String id : List.of("earlier-ns7", "elsewhere-ns1", "nonsense")) {
            fixture.givenNoPriorActivity()
                   .when(new RecordMonitoringActivity("v9", URN, MonitoringType.LESSON_VISIT, with(Specifics.NONE,
                           List.of(), List.of(new NextStepCheck(id, MonitoringDetails.CheckOutcome.PARTLY_ACTED_UPON,
                                                                "some")), null)))
                   .expectException(Rejection.class).expectNoEvents();
        }
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v9", URN, MonitoringType.LESSON_VISIT, with(Specifics.NONE,
                       List.of(new NextStep(null, "x", "HT", LocalDate.of(2023, 9, 1))), List.of(), null)))
               .expectExceptionMessage("A next step cannot be due before the activity");
    }

    @Test
    void eachTypeTakesItsOwnFieldsAndOnlyThose() {
        Specifics voice = new Specifics(null, null, null, new Specifics.PupilVoice(6, List.of("What did you learn?"),
                List.of("We linked it to Y4")), null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v9", URN, MonitoringType.PUPIL_VOICE, with(voice, List.of(), List.of(),
                       new MonitoringDetails.Focus("History", List.of("Y5"), Set.of(PupilGroup.DISADVANTAGED)))))
               .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v9", URN, MonitoringType.BOOK_SCRUTINY, with(voice, List.of(), List.of(), null)))
               .expectExceptionMessage("pupilVoice does not belong on a BOOK_SCRUTINY");
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v9", URN, MonitoringType.PUPIL_VOICE, with(Specifics.NONE, List.of(),
                       List.of(), null)))
               .expectExceptionMessage("pupilVoice is required");
        Specifics noSample = new Specifics(null, null, new Specifics.WorkScrutiny(0, Map.of()), null, null, null, null,
                                           null, null, null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v9", URN, MonitoringType.BOOK_SCRUTINY, with(noSample, List.of(),
                       List.of(), null)))
               .expectExceptionMessage("workScrutiny.sampleSize must be at least 1");
    }

    @Test
    void aDeepDiveIsIntoOneSubjectAndBundlesLiveActivitiesOfTheSchool() {
        Specifics dive = new Specifics(null, null, null, null, null, new Specifics.DeepDive(List.of("earlier")), null,
                                       null, null, null);
        MonitoringDetails.Focus maths = new MonitoringDetails.Focus("Maths", List.of());
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("d1", URN, MonitoringType.DEEP_DIVE, with(dive, List.of(), List.of(), maths)))
               .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("d1", URN, MonitoringType.DEEP_DIVE, with(dive, List.of(), List.of(), null)))
               .expectExceptionMessage("A deep dive is into one subject");
        Specifics bad = new Specifics(null, null, null, null, null, new Specifics.DeepDive(List.of("pulled")), null,
                                      null, null, null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("d1", URN, MonitoringType.DEEP_DIVE, with(bad, List.of(), List.of(), maths)))
               .expectException(Rejection.class);
    }

    @Test
    void aGovernorVisitLinksToAPriorityOfThatYearsPlan() {
        Specifics visit = new Specifics(null, null, null, null, null, null,
                                        new Specifics.GovernorVisit("JC", "Reading provision", "P1"), null, null, null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("g1", URN, MonitoringType.GOVERNOR_VISIT, with(visit, List.of(), List.of(), null)))
               .expectSuccessfulHandlerExecution();
        Specifics wrong = new Specifics(null, null, null, null, null, null,
                                        new Specifics.GovernorVisit("JC", "Reading provision", "P9"), null, null, null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("g1", URN, MonitoringType.GOVERNOR_VISIT, with(wrong, List.of(), List.of(), null)))
               .expectExceptionMessage("The plan for that year has no priority P9");
    }

    @Test
    void anAmendmentKeepsExistingNextStepIdsAndNumbersNewOnes() {
        NextStep first = new NextStep("v1-ns1", "Model editing", "English Leader", LocalDate.of(2023, 11, 30));
        MonitoringActivityRecorded withStep = new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                                                                             VISIT.withNextSteps(List.of(first)));
        NextStep added = new NextStep(null, "Share good practice", "DHT", LocalDate.of(2023, 12, 15));
        fixture.given(withStep)
               .when(new AmendMonitoringActivity("v1", VISIT.withNextSteps(List.of(first, added)), "added a step"))
               .expectEvents(new MonitoringActivityAmended("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                       VISIT.withNextSteps(List.of(first, new NextStep("v1-ns2", added.text(), added.owner(), added.dueOn()))),
                       2, "added a step"));
        fixture.given(withStep)
               .when(new AmendMonitoringActivity("v1", VISIT.withNextSteps(List.of(new NextStep("other-ns1", "x", "HT",
                       LocalDate.of(2023, 12, 1)))), "steal"))
               .expectExceptionMessage("This activity has no next step other-ns1");
    }

    @Test
    void fulfilsALivePlannedItemOfTheSameType() {
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, VISIT, "pm1"))
               .expectEvents(new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT, VISIT, "pm1"));
        for (String planned : List.of("pm-off", "pm-unknown")) {
            fixture.givenNoPriorActivity()
                   .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LESSON_VISIT, VISIT, planned))
                   .expectException(Rejection.class).expectNoEvents();
        }
        Specifics walk = new Specifics(null, new Specifics.LearningWalk(List.of("Y4")), null, null, null, null, null,
                                       null, null, null);
        fixture.givenNoPriorActivity()
               .when(new RecordMonitoringActivity("v1", URN, MonitoringType.LEARNING_WALK,
                                                  with(walk, List.of(), List.of(), null), "pm1"))
               .expectExceptionMessage("That planned monitoring is a LESSON_VISIT, not a LEARNING_WALK");
    }
}
