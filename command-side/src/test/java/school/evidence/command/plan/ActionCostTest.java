package school.evidence.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.CarryForwardAction;
import school.evidence.kernel.plan.PlanCommands.ReviseAction;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.plan.Timescale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Money as plans state it: a whole cost, per school or a year, and where it comes from. */
class ActionCostTest {

    private static final String PLAN = "108520-2025-26";
    private static final String URN = "108520";
    private static final Object[] GIVEN = {
            new ImprovementPlanCreated(PLAN, URN, "2025-26", "School Improvement Plan 2025-2026"),
            new PriorityAdded(PLAN, URN, "P1", "Reading for pleasure across the school", Set.of(HalfTerm.SUMMER_2)),
            new SectionAdded(PLAN, URN, "s1", new SectionDetails("Reading", null, List.of(),
                                                                  Set.of(OfstedArea.QUALITY_OF_EDUCATION)))};
    private static final Timescale THREE_YEARS = new Timescale(LocalDate.of(2025, 9, 1), LocalDate.of(2028, 7, 21),
                                                               false, List.of());

    private AggregateTestFixture<ImprovementPlan> fixture;
    private final Map<String, PlanLookup.PlanFacts> earlierPlans = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.empty());
        fixture.registerInjectableResource((PlanLookup) id -> Optional.ofNullable(earlierPlans.get(id)));
    }

    private static ActionDetails tutoring(String pounds, CostBasis basis, String source) {
        return new ActionDetails("Small-group reading tutoring", List.of("P1"), List.of(), List.of("Reading lead"),
                                 null, "Tutor time", pounds == null ? null : new BigDecimal(pounds), List.of(),
                                 List.of(), THREE_YEARS, basis, source);
    }

    @Test
    void aCostAYearFromPupilPremiumIsKeptAndItsWholeCostCountsEveryYearTheActionRuns() {
        ActionDetails details = tutoring("4000", CostBasis.PER_YEAR, "  Pupil premium ");
        fixture.given(GIVEN).when(new AddAction(PLAN, "a1", "s1", "1", details))
               .expectEvents(new ActionAdded(PLAN, URN, "a1", "s1", "1",
                                             tutoring("4000", CostBasis.PER_YEAR, "Pupil premium")));
        assertThat(details.wholeCost(1)).isEqualByComparingTo("12000"); // 2025-26, 2026-27, 2027-28
        assertThat(tutoring("2500", CostBasis.PER_SCHOOL, null).wholeCost(3)).isEqualByComparingTo("7500");
        assertThat(tutoring("1200", null, null).wholeCost(3)).isEqualByComparingTo("1200");
    }

    @Test
    void aCostBasisWithoutACostIsRefusedNamingItAndNothingIsWritten() {
        fixture.given(GIVEN).when(new AddAction(PLAN, "a1", "s1", "1", tutoring(null, CostBasis.PER_SCHOOL, null)))
               .expectException(Rejection.class).expectExceptionMessage(
                       "costBasis says what costPounds is per; give costPounds too")
               .expectNoEvents();
    }

    @Test
    void aRevisionThatSaysNothingOfTheBasisOrSourceKeepsThemAndABlankSourceClearsIt() {
        ActionAdded added = new ActionAdded(PLAN, URN, "a1", "s1", "1",
                                            tutoring("4000", CostBasis.PER_YEAR, "Pupil premium"));
        fixture.given(GIVEN).andGiven(added)
               .when(new ReviseAction(PLAN, "a1", tutoring("4500", null, null), "tutor's rate went up"))
               .expectEvents(new ActionRevised(PLAN, URN, "a1", tutoring("4500", CostBasis.PER_YEAR, "Pupil premium"),
                                               "tutor's rate went up"));
        fixture.given(GIVEN).andGiven(added)
               .when(new ReviseAction(PLAN, "a1", tutoring("4500", CostBasis.TOTAL, ""), "one-off grant ended"))
               .expectEvents(new ActionRevised(PLAN, URN, "a1", tutoring("4500", CostBasis.TOTAL, null),
                                               "one-off grant ended"));
        fixture.given(GIVEN).andGiven(added)
               .when(new ReviseAction(PLAN, "a1", tutoring(null, null, null), "no longer costed"))
               .expectEvents(new ActionRevised(PLAN, URN, "a1", tutoring(null, null, "Pupil premium"),
                                               "no longer costed"));
    }

    @Test
    void anActionCarriedIntoNextYearsPlanKeepsHowItIsCostedAndFunded() {
        String next = "108520-2026-27";
        earlierPlans.put(PLAN, new PlanLookup.PlanFacts(PLAN, URN, "2025-26", Set.of("P1"), Map.of(
                "a1", new PlanLookup.ActionFacts("1", tutoring("4000", CostBasis.PER_YEAR, "Pupil premium"), false,
                                                 Rag.AMBER))));
        fixture.given(new ImprovementPlanCreated(next, URN, "2026-27", "School Improvement Plan 2026-2027"),
                      new PriorityAdded(next, URN, "P1", "Reading", Set.of(HalfTerm.SUMMER_2)),
                      new SectionAdded(next, URN, "s1", new SectionDetails("Reading", null, List.of(), Set.of())))
               .when(new CarryForwardAction(next, "b1", "s1", "1", PLAN, "a1"))
               .expectEvents(new ActionCarriedForward(next, URN, "b1", "s1", "1",
                                                      tutoring("4000", CostBasis.PER_YEAR, "Pupil premium"), PLAN,
                                                      "a1", List.of()));
    }
}
