package school.evidence.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.Rag;

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
    private static final SectionAdded SECTION = new SectionAdded(PLAN, URN, "s1", "Teaching, learning and assessment",
                                                                 Set.of(OfstedArea.QUALITY_OF_EDUCATION));
    private static final ActionAdded ACTION = new ActionAdded(PLAN, URN, "a1", "s1", "1",
                                                              "Expectations embedded", List.of("P1"),
                                                              List.of("HT", "DHT"), "JC");

    private final Map<String, MonitoringRecords.Facts> activities = new HashMap<>();
    private AggregateTestFixture<ImprovementPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.ofNullable(activities.get(id)));
    }

    @Test
    void createsAPlanForARegisteredSchool() {
        fixture.givenNoPriorActivity()
               .when(new CreateImprovementPlan(PLAN, URN, "2023-24", "School Improvement Plan 2023-2024"))
               .expectEvents(CREATED);
    }

    @Test
    void refusesAPlanForAnUnknownSchool() {
        fixture.givenNoPriorActivity()
               .when(new CreateImprovementPlan("999999-2023-24", "999999", "2023-24", "Plan"))
               .expectException(Rejection.class)
               .expectNoEvents();
    }

    @Test
    void refusesAMalformedAcademicYear() {
        fixture.givenNoPriorActivity()
               .when(new CreateImprovementPlan("108520-2023-25", URN, "2023-25", "Plan"))
               .expectExceptionMessage("academicYear must look like 2023-24");
    }

    @Test
    void addsPrioritiesSectionsActionsAndCriteria() {
        fixture.given(CREATED)
               .when(new AddPriority(PLAN, "P1", "100% of teaching is good", Set.of(HalfTerm.SUMMER_2)))
               .expectEvents(P1);
        fixture.given(CREATED, P1)
               .when(new AddSection(PLAN, "s1", "Teaching, learning and assessment",
                                    Set.of(OfstedArea.QUALITY_OF_EDUCATION)))
               .expectEvents(SECTION);
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a1", "s1", "1", "Expectations embedded", List.of("P1"),
                                   List.of("HT", "DHT"), "JC"))
               .expectEvents(ACTION);
        fixture.given(CREATED, P1, SECTION, ACTION)
               .when(new AddSuccessCriterion(PLAN, "a1", "c1", "Subject leaders share expectations",
                                             Set.of(HalfTerm.AUTUMN_1)))
               .expectEvents(new SuccessCriterionAdded(PLAN, URN, "a1", "c1", "Subject leaders share expectations",
                                                       Set.of(HalfTerm.AUTUMN_1)));
    }

    @Test
    void refusesADuplicatePriorityCode() {
        fixture.given(CREATED, P1)
               .when(new AddPriority(PLAN, "P1", "again", Set.of()))
               .expectException(Rejection.class)
               .expectNoEvents();
    }

    @Test
    void refusesAnActionLinkingAnUnknownPriority() {
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a2", "s1", "2", "Reading", List.of("P1", "P9"), List.of(), null))
               .expectExceptionMessage("The plan has no priority P9")
               .expectNoEvents();
    }

    @Test
    void refusesAnActionInAnUnknownSectionOrWithATakenNumber() {
        fixture.given(CREATED, P1, SECTION)
               .when(new AddAction(PLAN, "a2", "nope", "2", "Reading", List.of(), List.of(), null))
               .expectException(Rejection.class);
        fixture.given(CREATED, P1, SECTION, ACTION)
               .when(new AddAction(PLAN, "a2", "s1", "1", "Reading", List.of(), List.of(), null))
               .expectExceptionMessage("The section already has an action 1");
    }

    @Test
    void refusesACriterionOnAnUnknownAction() {
        fixture.given(CREATED, P1, SECTION)
               .when(new AddSuccessCriterion(PLAN, "missing", "c1", "text", Set.of(HalfTerm.AUTUMN_1)))
               .expectException(Rejection.class)
               .expectExceptionMessage("The plan has no action missing")
               .expectNoEvents();
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
               .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }
}
