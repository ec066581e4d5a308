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
import school.evidence.kernel.plan.PlanCommands.ReviseAction;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.plan.Timescale.Milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static school.evidence.command.Refusals.refusedOn;

/** An action's timescale as plans state it: several years, ongoing, milestones inside the span. */
class ActionTimescaleTest {

    private static final String PLAN = "108520-2025-26";
    private static final String URN = "108520";
    private static final Object[] GIVEN = {
            new ImprovementPlanCreated(PLAN, URN, "2025-26", "School Improvement Plan 2025-2026"),
            new PriorityAdded(PLAN, URN, "P1", "Reading for pleasure across the school", Set.of(HalfTerm.SUMMER_2)),
            new SectionAdded(PLAN, URN, "s1", new SectionDetails("Reading", "Every pupil reads widely", List.of(),
                                                                  Set.of(OfstedArea.QUALITY_OF_EDUCATION)))};
    private static final LocalDate START = LocalDate.of(2025, 9, 1);
    private static final LocalDate END = LocalDate.of(2028, 7, 21);
    private static final Milestone LIBRARY = new Milestone(LocalDate.of(2026, 3, 31), "Library restocked",
                                                           List.of("Every class borrows weekly"));
    private static final Milestone TRAINED = new Milestone(LocalDate.of(2025, 12, 19), "Staff trained",
                                                           List.of("All staff attended phonics CPD"));

    private AggregateTestFixture<ImprovementPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.empty());
        fixture.registerInjectableResource((PlanLookup) id -> Optional.empty());
    }

    private static ActionDetails reading(Timescale timescale) {
        return new ActionDetails("Reading spine in every class", List.of("P1"), List.of(), List.of("English Leader"),
                                 null, null, null, List.of(), List.of(), timescale);
    }

    @Test
    void aThreeYearActionKeepsItsMilestonesEarliestFirst() {
        Timescale given = new Timescale(START, END, false, List.of(LIBRARY, TRAINED));
        fixture.given(GIVEN).when(new AddAction(PLAN, "a1", "s1", "1", reading(given)))
               .expectEvents(new ActionAdded(PLAN, URN, "a1", "s1", "1",
                                             reading(new Timescale(START, END, false, List.of(TRAINED, LIBRARY)))));
    }

    @Test
    void anOngoingActionHasNoEndAndItsMilestonesMayFallInAnyLaterYear() {
        Timescale ongoing = new Timescale(START, null, true,
                                          List.of(new Milestone(LocalDate.of(2031, 7, 1), "Reviewed", List.of())));
        fixture.given(GIVEN).when(new AddAction(PLAN, "a1", "s1", "1", reading(ongoing)))
               .expectEvents(new ActionAdded(PLAN, URN, "a1", "s1", "1", reading(ongoing)));
    }

    @Test
    void aMilestoneOutsideTheActionsSpanIsRefusedNamingItsDate() {
        Milestone late = new Milestone(LocalDate.of(2028, 9, 1), "Outcomes above national", List.of());
        fixture.given(GIVEN)
               .when(new AddAction(PLAN, "a1", "s1", "1", reading(new Timescale(START, END, false,
                                                                                List.of(TRAINED, late)))))
               .expectException(refusedOn("timescale.milestones[1].dueOn"))
               .expectExceptionMessage("The milestone is due on 1 September 2028, outside the action's span "
                                       + "(from 1 September 2025, to 21 July 2028)")
               .expectNoEvents();
        Milestone early = new Milestone(LocalDate.of(2025, 7, 1), "Early", List.of());
        fixture.given(GIVEN)
               .when(new AddAction(PLAN, "a1", "s1", "1", reading(new Timescale(START, null, true, List.of(early)))))
               .expectException(refusedOn("timescale.milestones[0].dueOn")).expectNoEvents();
    }

    @Test
    void anEndBeforeTheStartOrBothAnEndAndOngoingOrAMilestoneWithoutItsDateIsRefused() {
        fixture.given(GIVEN).when(new AddAction(PLAN, "a1", "s1", "1", reading(new Timescale(END, START, false, null))))
               .expectException(refusedOn("timescale.endsOn")).expectNoEvents();
        fixture.given(GIVEN).when(new AddAction(PLAN, "a1", "s1", "1", reading(new Timescale(START, END, true, null))))
               .expectException(refusedOn("timescale.endsOn")).expectNoEvents();
        fixture.given(GIVEN)
               .when(new AddAction(PLAN, "a1", "s1", "1", reading(new Timescale(
                       START, END, false, List.of(new Milestone(null, "Undated", List.of()))))))
               .expectException(refusedOn("timescale.milestones[0].dueOn")).expectNoEvents();
    }

    @Test
    void aRevisionThatSaysNothingOfTheTimescaleKeepsItAndAnEmptyOneClearsIt() {
        Timescale kept = new Timescale(START, END, false, List.of(TRAINED));
        ActionAdded added = new ActionAdded(PLAN, URN, "a1", "s1", "1", reading(kept));
        ActionDetails reworded = new ActionDetails("Reading spine and library", List.of("P1"), List.of(),
                                                   List.of("English Leader"), null, null, null, List.of(), List.of());
        fixture.given(GIVEN).andGiven(added).when(new ReviseAction(PLAN, "a1", reworded, "wording"))
               .expectEvents(new ActionRevised(PLAN, URN, "a1", reworded.withTimescale(kept), "wording"));
        fixture.given(GIVEN).andGiven(added)
               .when(new ReviseAction(PLAN, "a1", reworded.withTimescale(new Timescale(null, null, false, null)),
                                      "no fixed timescale"))
               .expectEvents(new ActionRevised(PLAN, URN, "a1", reworded, "no fixed timescale"));
    }
}
