package school.evidence.command.plan;

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
import school.evidence.kernel.plan.PlanCommands.AddSubjectAction;
import school.evidence.kernel.plan.PlanCommands.AddSubjectPlan;
import school.evidence.kernel.plan.PlanCommands.ReviseAction;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SubjectPlanAdded;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.plan.SubjectPlanDetails;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subject leaders' plans inside the school's plan: their actions support the school plan's, and only theirs do. */
class SubjectPlanTest {

    private static final String PLAN = "108520-2026-27";
    private static final String URN = "108520";
    private static final SubjectPlanDetails ENGLISH = new SubjectPlanDetails("English", SubjectPlanDetails.Kind.SUBJECT,
                                                                             "English lead", "English action plan");
    private static final Object[] GIVEN = {
            new ImprovementPlanCreated(PLAN, URN, "2026-27", "School Improvement Plan 2026-2027"),
            new PriorityAdded(PLAN, URN, "P1", "Reading for pleasure", Set.of(HalfTerm.SUMMER_2)),
            new SectionAdded(PLAN, URN, "teach", new SectionDetails("Teaching", null, List.of(),
                                                                     Set.of(OfstedArea.QUALITY_OF_EDUCATION))),
            new ActionAdded(PLAN, URN, "reading", "teach", "1", ActionDetails.of("Reading spine", List.of("P1"),
                                                                                 List.of("DHT"), null)),
            new SubjectPlanAdded(PLAN, URN, "english", ENGLISH)};

    private AggregateTestFixture<ImprovementPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.empty());
        fixture.registerInjectableResource((PlanLookup) id -> Optional.empty());
    }

    private static ActionDetails phonics(List<String> supports) {
        return ActionDetails.of("Phonics catch-up for Year 2", List.of("P1"), List.of("English lead"), null)
                            .withSupports(supports);
    }

    @Test
    void aSubjectPlanIsAddedOncePerAreaWithATitleWhenNoneIsGiven() {
        fixture.given(GIVEN[0]).when(new AddSubjectPlan(PLAN, "send", new SubjectPlanDetails(
                        " SEND ", SubjectPlanDetails.Kind.AREA, "SENCo", " ")))
               .expectEvents(new SubjectPlanAdded(PLAN, URN, "send", new SubjectPlanDetails(
                       "SEND", SubjectPlanDetails.Kind.AREA, "SENCo", "SEND action plan")));
        fixture.given(GIVEN).when(new AddSubjectPlan(PLAN, "english-2", new SubjectPlanDetails(
                        "english", SubjectPlanDetails.Kind.SUBJECT, "Deputy", null)))
               .expectException(Rejection.class)
               .expectExceptionMessage("The plan already has a subject plan for english").expectNoEvents();
        fixture.given(GIVEN).when(new AddSubjectPlan(PLAN, "maths", new SubjectPlanDetails(
                        "Maths", null, "Maths lead", null)))
               .expectException(Rejection.class).expectExceptionMessage("kind is required").expectNoEvents();
    }

    @Test
    void aSubjectActionSupportsLiveSchoolActionsOnly() {
        fixture.given(GIVEN).when(new AddSubjectAction(PLAN, "english", "ph", "1", phonics(List.of("reading"))))
               .expectEvents(new ActionAdded(PLAN, URN, "ph", "english", "1", phonics(List.of("reading"))));
        fixture.given(GIVEN).andGiven(new ActionWithdrawn(PLAN, URN, "reading", "merged"))
               .when(new AddSubjectAction(PLAN, "english", "ph", "1", phonics(List.of("reading"))))
               .expectException(Rejection.class)
               .expectExceptionMessage("The school plan has no live action reading").expectNoEvents();
        fixture.given(GIVEN).andGiven(new ActionAdded(PLAN, URN, "other", "english", "2", phonics(null)))
               .when(new AddSubjectAction(PLAN, "english", "ph", "1", phonics(List.of("other"))))
               .expectException(Rejection.class) // another subject action is not the school plan's
               .expectExceptionMessage("The school plan has no live action other").expectNoEvents();
    }

    @Test
    void theSubjectRouteCannotReachASchoolSectionNorASchoolActionSupportAnother() {
        fixture.given(GIVEN).when(new AddSubjectAction(PLAN, "teach", "x", "2", phonics(null)))
               .expectException(Rejection.class)
               .expectExceptionMessage("The plan has no subject plan teach").expectNoEvents();
        fixture.given(GIVEN).when(new AddAction(PLAN, "x", "teach", "2", phonics(List.of("reading"))))
               .expectException(Rejection.class)
               .expectExceptionMessage("Only a subject plan's actions support the school plan's actions")
               .expectNoEvents();
        fixture.given(GIVEN).when(new AddAction(PLAN, "x", "english", "1", phonics(List.of())))
               .expectEvents(new ActionAdded(PLAN, URN, "x", "english", "1", phonics(null)));
    }

    @Test
    void aRevisionThatSaysNothingOfTheLinksKeepsThem() {
        ActionAdded added = new ActionAdded(PLAN, URN, "ph", "english", "1", phonics(List.of("reading")));
        ActionDetails reworded = ActionDetails.of("Phonics catch-up for Years 2 and 3", List.of("P1"),
                                                  List.of("English lead"), null);
        fixture.given(GIVEN).andGiven(added).when(new ReviseAction(PLAN, "ph", reworded, "Year 3 added"))
               .expectEvents(new ActionRevised(PLAN, URN, "ph", reworded.withSupports(List.of("reading")),
                                               "Year 3 added"));
        fixture.given(GIVEN).andGiven(added)
               .when(new ReviseAction(PLAN, "ph", reworded.withSupports(List.of()), "stands alone"))
               .expectEvents(new ActionRevised(PLAN, URN, "ph", reworded, "stands alone"));
    }
}
