package school.evidence.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.triad.TriadLookup;
import school.evidence.command.triad.TriadLookup.TriadFacts;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadCommands.AgreedAction;
import school.evidence.kernel.triad.TriadCommands.RecordTriadReview;
import school.evidence.kernel.triad.TriadEvents.RotaSlot;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static school.evidence.command.Refusals.refusedOn;

/** A triad's review of a school lands in its plan with the actions it agreed, all in one commit or not at all. */
class TriadReviewTest {

    private static final String PLAN = "100001-2025-26";
    private static final String URN = "100001";
    private static final String TRIAD = "north-triad-2025-26";
    private static final LocalDate ON = LocalDate.of(2026, 2, 10);
    private static final Object[] GIVEN = {
            new ImprovementPlanCreated(PLAN, URN, "2025-26", "School Improvement Plan 2025-26"),
            new PriorityAdded(PLAN, URN, "P1", "Reading", Set.of(HalfTerm.SUMMER_2)),
            new SectionAdded(PLAN, URN, "quality-of-education", new SectionDetails("Quality of education", null,
                                                                                  List.of(), Set.of()))};
    private static final ActionDetails GUIDED = titled("Guided reading in every Y3 class");
    private static final ActionDetails LIBRARY = titled("Restock the library with the pupils' choices");

    private AggregateTestFixture<ImprovementPlan> fixture;

    @BeforeEach
    void setUp() {
        TriadFacts north = new TriadFacts("north-star", TRIAD, "2025-26", List.of(
                new RotaSlot(Term.AUTUMN, "108520"), new RotaSlot(Term.SPRING, URN), new RotaSlot(Term.SUMMER, "100002")));
        TriadFacts lastYear = new TriadFacts("north-star", "north-triad-2024-25", "2024-25", north.rota());
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((TriadLookup) (trust, id) -> Optional.ofNullable(
                !"north-star".equals(trust) ? null : id.equals(TRIAD) ? north
                        : id.equals(lastYear.triadId()) ? lastYear : null));
    }

    private static RecordTriadReview review(Term term, List<AgreedAction> actions) {
        return new RecordTriadReview(PLAN, "r1", "north-star", TRIAD, term, ON, List.of(" Head, Castle View "),
                                     " The school's self-evaluation of reading ", List.of("Phonics is secure"), actions);
    }

    @Test
    void theReviewIsRecordedWithItsPartnersAndTheActionsItAgreedJoinThePlan() {
        fixture.given(GIVEN)
               .when(review(Term.SPRING, List.of(new AgreedAction("a1", "quality-of-education", "4", GUIDED),
                                                 new AgreedAction("a2", "quality-of-education", "5", LIBRARY))))
               .expectEvents(new TriadReviewRecorded(PLAN, URN, "r1", "north-star", TRIAD, Term.SPRING, ON,
                                                     List.of("108520", "100002"), List.of("Head, Castle View"),
                                                     "The school's self-evaluation of reading",
                                                     List.of("Phonics is secure"), List.of("a1", "a2")),
                             new ActionAdded(PLAN, URN, "a1", "quality-of-education", "4", GUIDED),
                             new ActionAdded(PLAN, URN, "a2", "quality-of-education", "5", LIBRARY));
    }

    @Test
    void theWrongTermATriadOfAnotherYearOrTrustOrASecondReviewOfTheSlotIsRefused() {
        fixture.given(GIVEN).when(review(Term.AUTUMN, List.of()))
               .expectException(refusedOn("term"))
               .expectExceptionMessage("In the autumn term the triad reviews another school; this school's review is "
                                       + "in the spring term").expectNoEvents();
        fixture.given(GIVEN).when(new RecordTriadReview(PLAN, "r1", "south", TRIAD, Term.SPRING, ON, List.of(),
                                                        "Focus", List.of(), List.of()))
               .expectException(refusedOn("triadId")).expectNoEvents();
        fixture.given(GIVEN).when(new RecordTriadReview(PLAN, "r1", "north-star", "north-triad-2024-25",
                                                        Term.SPRING, ON, List.of(), "Focus", List.of(), List.of()))
               .expectException(refusedOn("triadId")).expectNoEvents();
        TriadReviewRecorded done = new TriadReviewRecorded(PLAN, URN, "r0", "north-star", TRIAD, Term.SPRING, ON,
                                                           List.of("108520", "100002"), List.of(), "Focus", List.of(),
                                                           List.of());
        fixture.given(GIVEN).andGiven(done).when(review(Term.SPRING, List.of()))
               .expectException(refusedOn("term")).expectNoEvents();
        fixture.given(GIVEN).when(new RecordTriadReview(PLAN, "r1", "north-star", TRIAD, Term.SPRING,
                                                        LocalDate.of(2026, 9, 1), List.of(), "Focus", List.of(),
                                                        List.of()))
               .expectException(refusedOn("reviewedOn")).expectNoEvents();
    }

    @Test
    void aBadAgreedActionRefusesTheWholeReviewNamingTheActionByItsPlace() {
        fixture.given(GIVEN)
               .when(review(Term.SPRING, List.of(new AgreedAction("a1", "quality-of-education", "4", GUIDED),
                                                 new AgreedAction("a2", "no-such-section", "5", LIBRARY))))
               .expectException(refusedOn("actions[1].sectionId")).expectNoEvents();
        fixture.given(GIVEN)
               .when(review(Term.SPRING, List.of(new AgreedAction("a1", "quality-of-education", "4", GUIDED),
                                                 new AgreedAction("a2", "quality-of-education", "4", LIBRARY))))
               .expectException(refusedOn("actions[1].number")).expectNoEvents();
        fixture.given(GIVEN)
               .when(review(Term.SPRING, List.of(new AgreedAction("a1", "quality-of-education", "4",
                                                                  titled(" ")))))
               .expectException(refusedOn("actions[0].title")).expectNoEvents();
    }

    private static ActionDetails titled(String title) {
        return new ActionDetails(title, List.of("P1"), List.of(), List.of("English lead"), null, null, null,
                                 List.of(), List.of(), null, null, null);
    }
}
