package school.evidence.command.plan;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CarryForwardAction;
import school.evidence.kernel.plan.PlanCommands.CancelPlannedMonitoring;
import school.evidence.kernel.plan.PlanCommands.ClosePlan;
import school.evidence.kernel.plan.PlanCommands.PlanMonitoring;
import school.evidence.kernel.plan.PlanCommands.RevisePlannedMonitoring;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringRevised;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanCommands.JudgeCriterionRag;
import school.evidence.kernel.plan.PlanCommands.PublishPlan;
import school.evidence.kernel.plan.PlanCommands.ReviseAction;
import school.evidence.kernel.plan.PlanCommands.RevisePriority;
import school.evidence.kernel.plan.PlanCommands.ReviseSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.WithdrawAction;
import school.evidence.kernel.plan.PlanCommands.WithdrawPriority;
import school.evidence.kernel.plan.PlanCommands.WithdrawSuccessCriterion;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.CriterionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PlanClosed;
import school.evidence.kernel.plan.PlanEvents.PlanPublished;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityRevised;
import school.evidence.kernel.plan.PlanEvents.PriorityWithdrawn;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionRevised;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionWithdrawn;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ImprovementPlanTest {

    private static final String PLAN = "108520-2023-24";
    private static final String URN = "108520";
    private static final ImprovementPlanCreated CREATED =
            new ImprovementPlanCreated(PLAN, URN, "2023-24", "School Improvement Plan 2023-2024");
    private static final PriorityAdded P1 = new PriorityAdded(PLAN, URN, "P1", "100% of teaching is good",
                                                              Set.of(HalfTerm.SUMMER_2));
    private static final SectionDetails TEACHING = new SectionDetails(
            "Teaching, learning and assessment", "Teaching meets the needs of all pupils",
            List.of("good communicators", "curious"), Set.of(OfstedArea.QUALITY_OF_EDUCATION));
    private static final SectionAdded SECTION = new SectionAdded(PLAN, URN, "s1", TEACHING);
    private static final ActionDetails EXPECTATIONS = new ActionDetails(
            "Expectations embedded", List.of("P1"), List.of("OA3"), List.of("HT", "DHT"), "JC", "CPD time",
            new BigDecimal("1500.00"), List.of("SLT"), List.of("Governors"));
    private static final ActionAdded ACTION = new ActionAdded(PLAN, URN, "a1", "s1", "1", EXPECTATIONS);
    private static final SuccessCriterionAdded CRITERION = new SuccessCriterionAdded(
            PLAN, URN, "a1", "c1", "Subject leaders share expectations", Set.of(HalfTerm.AUTUMN_1));
    private static final Object[] BUILT = {CREATED, P1, SECTION, ACTION, CRITERION};

    private final Map<String, MonitoringRecords.Facts> activities = new HashMap<>();
    private final Map<String, PlanLookup.PlanFacts> otherPlans = new HashMap<>();
    private AggregateTestFixture<ImprovementPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.ofNullable(activities.get(id)));
        fixture.registerInjectableResource((PlanLookup) id -> Optional.ofNullable(otherPlans.get(id)));
    }

    @Test
    void createsAPlanForARegisteredSchool() {
        fixture.givenNoPriorActivity()
               .when(new CreateImprovementPlan(PLAN, URN, "2023-24", "School Improvement Plan 2023-2024"))
               .expectEvents(CREATED);
    }

    @Test
    void refusesAPlanForAnUnknownSchoolOrAMalformedYear() {
        fixture.givenNoPriorActivity()
               .when(new CreateImprovementPlan("999999-2023-24", "999999", "2023-24", "Plan"))
               .expectException(Rejection.class).expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new CreateImprovementPlan("108520-2023-25", URN, "2023-25", "Plan"))
               .expectExceptionMessage("academicYear must look like 2023-24");
    }

    @Test
    void addsPrioritiesSectionsActionsAndCriteria() {
        fixture.given(CREATED)
               .when(new AddPriority(PLAN, "P1", "100% of teaching is good", Set.of(HalfTerm.SUMMER_2)))
               .expectEvents(P1);
        fixture.given(CREATED, P1).when(new AddSection(PLAN, "s1", TEACHING)).expectEvents(SECTION);
        fixture.given(CREATED, P1, SECTION).when(new AddAction(PLAN, "a1", "s1", "1", EXPECTATIONS))
               .expectEvents(ACTION);
        fixture.given(CREATED, P1, SECTION, ACTION)
               .when(new AddSuccessCriterion(PLAN, "a1", "c1", "Subject leaders share expectations",
                                             Set.of(HalfTerm.AUTUMN_1)))
               .expectEvents(CRITERION);
    }

    @Test
    void refusesADuplicatePriorityCodeAndABadOne() {
        fixture.given(CREATED, P1).when(new AddPriority(PLAN, "P1", "again", Set.of()))
               .expectException(Rejection.class).expectNoEvents();
        fixture.given(CREATED).when(new AddPriority(PLAN, "Priority 1", "x", Set.of()))
               .expectExceptionMessage("code must look like P1");
    }

    @Test
    void refusesAnActionLinkingAnUnknownPriorityAnUnknownSectionOrATakenNumber() {
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a2", "s1", "2", ActionDetails.of("Reading", List.of("P1", "P9"), List.of(), null)))
               .expectExceptionMessage("The plan has no priority P9").expectNoEvents();
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a2", "nope", "2", ActionDetails.of("Reading", List.of(), List.of(), null)))
               .expectException(Rejection.class);
        fixture.given(CREATED, P1, SECTION, ACTION)
               .when(new AddAction(PLAN, "a2", "s1", "1", ActionDetails.of("Reading", List.of(), List.of(), null)))
               .expectExceptionMessage("The section already has an action 1");
    }

    @Test
    void refusesMalformedOfstedActionsAndCosts() {
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a2", "s1", "2", new ActionDetails("Reading", List.of(), List.of("Ofsted 3"),
                                                                           List.of(), null, null, null, null, null)))
               .expectExceptionMessage("Ofsted actions look like OA1, not Ofsted 3");
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a2", "s1", "2", new ActionDetails("Reading", List.of(), List.of(), List.of(),
                                                                           null, null, new BigDecimal("-5"), null, null)))
               .expectException(Rejection.class).expectNoEvents();
    }

    @Test
    void refusesACriterionOnAnUnknownAction() {
        fixture.given(CREATED, P1, SECTION)
               .when(new AddSuccessCriterion(PLAN, "missing", "c1", "text", Set.of(HalfTerm.AUTUMN_1)))
               .expectExceptionMessage("The plan has no action missing").expectNoEvents();
    }

    @Test
    void revisesAndWithdrawsWithAReasonAndRefusesWithoutOne() {
        fixture.given(BUILT).when(new RevisePriority(PLAN, "P1", "All teaching good", Set.of(HalfTerm.SUMMER_1), "sooner"))
               .expectEvents(new PriorityRevised(PLAN, URN, "P1", "All teaching good", Set.of(HalfTerm.SUMMER_1), "sooner"));
        fixture.given(BUILT).when(new RevisePriority(PLAN, "P1", "All teaching good", Set.of(), " "))
               .expectException(Rejection.class).expectNoEvents();
        fixture.given(BUILT).when(new WithdrawPriority(PLAN, "P1", "merged into P2"))
               .expectEvents(new PriorityWithdrawn(PLAN, URN, "P1", "merged into P2"));
        ActionDetails revised = ActionDetails.of("Expectations embedded everywhere", List.of("P1"), List.of("HT"), "JC");
        fixture.given(BUILT).when(new ReviseAction(PLAN, "a1", revised, "wording"))
               .expectEvents(new ActionRevised(PLAN, URN, "a1", revised, "wording"));
        fixture.given(BUILT).when(new WithdrawAction(PLAN, "a1", "done differently"))
               .expectEvents(new ActionWithdrawn(PLAN, URN, "a1", "done differently"));
        fixture.given(BUILT).when(new ReviseSuccessCriterion(PLAN, "a1", "c1", "Shared and monitored",
                                                             Set.of(HalfTerm.AUTUMN_2), "later"))
               .expectEvents(new SuccessCriterionRevised(PLAN, URN, "a1", "c1", "Shared and monitored",
                                                         Set.of(HalfTerm.AUTUMN_2), "later"));
        fixture.given(BUILT).when(new WithdrawSuccessCriterion(PLAN, "a1", "c1", "not measurable"))
               .expectEvents(new SuccessCriterionWithdrawn(PLAN, URN, "a1", "c1", "not measurable"));
    }

    @Test
    void withdrawnThingsCanNoLongerBeUsed() {
        fixture.given(CREATED, P1, SECTION, new PriorityWithdrawn(PLAN, URN, "P1", "gone"))
               .when(new AddAction(PLAN, "a2", "s1", "2", ActionDetails.of("Reading", List.of("P1"), List.of(), null)))
               .expectExceptionMessage("The plan has no priority P1");
        fixture.given(CREATED, P1, SECTION, ACTION, new ActionWithdrawn(PLAN, URN, "a1", "gone"))
               .when(new JudgeActionRag(PLAN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "r", List.of(), "slt", null))
               .expectException(Rejection.class).expectNoEvents();
        fixture.given(CREATED, P1, SECTION, ACTION, CRITERION, new SuccessCriterionWithdrawn(PLAN, URN, "a1", "c1", "x"))
               .when(new JudgeCriterionRag(PLAN, "a1", "c1", HalfTerm.AUTUMN_1, Rag.GREEN, "r", List.of(), "slt", null))
               .expectExceptionMessage("The action has no success criterion c1");
    }

    @Test
    void judgesAnActionFromMonitoringEvidenceAndReturnsTheNewVersion() {
        activities.put("v1", new MonitoringRecords.Facts(URN, false));
        fixture.given(CREATED, P1, SECTION, ACTION)
               .when(new JudgeActionRag(PLAN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "Visits show it embedded",
                                        List.of("v1"), "slt", null))
               .expectEvents(new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN,
                                                 "Visits show it embedded", List.of("v1"), "slt"))
               .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(4L));
    }

    @Test
    void judgesASuccessCriterion() {
        activities.put("v1", new MonitoringRecords.Facts(URN, false));
        fixture.given(BUILT)
               .when(new JudgeCriterionRag(PLAN, "a1", "c1", HalfTerm.AUTUMN_1, Rag.AMBER, "Shared, not yet monitored",
                                           List.of("v1"), "slt", null))
               .expectEvents(new CriterionRagJudged(PLAN, URN, "a1", "c1", HalfTerm.AUTUMN_1, Rag.AMBER,
                                                    "Shared, not yet monitored", List.of("v1"), "slt"));
        fixture.given(BUILT)
               .when(new JudgeCriterionRag(PLAN, "a1", "c-other", HalfTerm.AUTUMN_1, Rag.AMBER, "x", List.of(), "slt", null))
               .expectException(Rejection.class);
    }

    @Test
    void refusesEvidenceThatIsUnknownFromAnotherSchoolOrRetracted() {
        activities.put("elsewhere", new MonitoringRecords.Facts("100000", false));
        activities.put("withdrawn", new MonitoringRecords.Facts(URN, true));
        for (String evidence : List.of("unknown", "elsewhere", "withdrawn")) {
            fixture.given(CREATED, P1, SECTION, ACTION)
                   .when(new JudgeActionRag(PLAN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "because",
                                            List.of(evidence), "slt", null))
                   .expectException(Rejection.class)
                   .expectNoEvents();
        }
        assertThat(activities).hasSize(2);
    }

    @Test
    void refusesAJudgementOnAStaleVersion() {
        fixture.given(CREATED, P1, SECTION, ACTION)
               .when(new JudgeActionRag(PLAN, "a1", HalfTerm.AUTUMN_2, Rag.AMBER, "in progress", List.of(),
                                        "slt", 1L))
               .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void isPublishedThenClosedAndAClosedPlanRefusesEveryChange() {
        fixture.given(BUILT).when(new PublishPlan(PLAN)).expectEvents(new PlanPublished(PLAN, URN));
        fixture.given(BUILT).when(new ClosePlan(PLAN, "year ended")).expectExceptionMessage(
                "Only a published plan can be closed");
        fixture.given(CREATED, P1, SECTION, ACTION, CRITERION, new PlanPublished(PLAN, URN))
               .when(new ClosePlan(PLAN, "year ended")).expectEvents(new PlanClosed(PLAN, URN, "year ended"));
        fixture.given(CREATED, P1, SECTION, ACTION, CRITERION, new PlanPublished(PLAN, URN),
                      new PlanClosed(PLAN, URN, "year ended"))
               .when(new AddPriority(PLAN, "P2", "late", Set.of()))
               .expectExceptionMessage("The plan is closed; it can no longer change");
    }

    @Test
    void carriesAnUnfinishedActionForwardAndRefusesAFinishedOne() {
        String next = "108520-2024-25";
        ActionDetails old = ActionDetails.of("Reading at the core", List.of("P1", "P7"), List.of("DHT"), "JC");
        otherPlans.put(PLAN, new PlanLookup.PlanFacts(PLAN, URN, "2023-24", Set.of("P1", "P7"), Map.of(
                "amber", new PlanLookup.ActionFacts("3", old, false, Rag.AMBER),
                "green", new PlanLookup.ActionFacts("4", old, false, Rag.GREEN))));
        Object[] nextYear = {new ImprovementPlanCreated(next, URN, "2024-25", "SIP 2024-25"),
                new PriorityAdded(next, URN, "P1", "Teaching", Set.of()), new SectionAdded(next, URN, "s9", TEACHING)};

        fixture.given(nextYear).when(new CarryForwardAction(next, "n1", "s9", "1", PLAN, "amber"))
               .expectEvents(new ActionCarriedForward(next, URN, "n1", "s9", "1",
                                                      ActionDetails.of("Reading at the core", List.of("P1"),
                                                                       List.of("DHT"), "JC"),
                                                      PLAN, "amber", List.of("P7")));
        fixture.given(nextYear).when(new CarryForwardAction(next, "n1", "s9", "1", PLAN, "green"))
               .expectException(Rejection.class).expectNoEvents();
        fixture.given(nextYear).when(new CarryForwardAction(next, "n1", "s9", "1", "100000-2023-24", "amber"))
               .expectException(Rejection.class);
    }

    @Test
    void carriesForwardOnlyFromAnEarlierYear() {
        otherPlans.put(PLAN, new PlanLookup.PlanFacts(PLAN, URN, "2023-24", Set.of("P1"), Map.of(
                "amber", new PlanLookup.ActionFacts("3", EXPECTATIONS, false, Rag.AMBER))));
        fixture.given(CREATED, P1, SECTION).when(new CarryForwardAction(PLAN, "n1", "s1", "9", PLAN, "amber"))
               .expectExceptionMessage("Actions can only be carried forward from an earlier year's plan");
    }

    @Test
    void plansRevisesAndCancelsMonitoringForLiveActions() {
        fixture.given(BUILT)
               .when(new PlanMonitoring(PLAN, "pm1", HalfTerm.AUTUMN_2, MonitoringType.BOOK_SCRUTINY, "Writing",
                                        List.of("a1"), "English Leader"))
               .expectEvents(new MonitoringPlanned(PLAN, URN, "pm1", HalfTerm.AUTUMN_2, MonitoringType.BOOK_SCRUTINY,
                                                   "Writing", List.of("a1"), "English Leader"));
        fixture.given(BUILT)
               .when(new PlanMonitoring(PLAN, "pm1", HalfTerm.AUTUMN_2, MonitoringType.BOOK_SCRUTINY, "Writing",
                                        List.of("ghost"), "English Leader"))
               .expectException(Rejection.class).expectNoEvents();
        MonitoringPlanned planned = new MonitoringPlanned(PLAN, URN, "pm1", HalfTerm.AUTUMN_2,
                                                          MonitoringType.BOOK_SCRUTINY, "Writing", List.of("a1"), "EL");
        fixture.given(CREATED, P1, SECTION, ACTION, planned)
               .when(new RevisePlannedMonitoring(PLAN, "pm1", HalfTerm.SPRING_1, MonitoringType.BOOK_SCRUTINY,
                                                 "Writing", List.of("a1"), "EL", "moved after mocks"))
               .expectEvents(new PlannedMonitoringRevised(PLAN, URN, "pm1", HalfTerm.SPRING_1,
                                                          MonitoringType.BOOK_SCRUTINY, "Writing", List.of("a1"), "EL",
                                                          "moved after mocks"));
        fixture.given(CREATED, P1, SECTION, ACTION, planned)
               .when(new CancelPlannedMonitoring(PLAN, "pm1", "covered by the deep dive"))
               .expectEvents(new PlannedMonitoringCancelled(PLAN, URN, "pm1", "covered by the deep dive"));
        fixture.given(CREATED, P1, SECTION, ACTION, planned, new PlannedMonitoringCancelled(PLAN, URN, "pm1", "x"))
               .when(new CancelPlannedMonitoring(PLAN, "pm1", "again"))
               .expectException(Rejection.class);
    }
}
