package school.evidence.command.trustplan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.trust.TrustMembers;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustPriority;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.kernel.trustplan.TrustPlanCommands.JudgeTrustActionRag;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionAdded;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionRagJudged;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPriorityAdded;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static school.evidence.command.Refusals.refusedOn;

/** A trust's plan across its schools: who takes part must be the trust's, and each school's RAG is its own. */
class TrustPlanTest {

    private static final String TRUST = "north-star";
    private static final String PLAN = "north-star-2025-26";
    private static final TrustPlanCreated CREATED = new TrustPlanCreated(PLAN, TRUST, "Trust improvement plan",
                                                                         "2025-26", "2027-28");
    private static final TrustPriorityAdded READING = new TrustPriorityAdded(PLAN, TRUST, "T1", "Reading");
    private static final ActionDetails PHONICS = new ActionDetails("Phonics training for every KS1 teacher",
            List.of("T1"), List.of(), List.of("Trust English lead"), null, null, new BigDecimal("2500"),
            List.of("Standards Board"), List.of(), null, CostBasis.PER_SCHOOL, "Trust school improvement fund");
    private static final TrustActionAdded TWO_SCHOOLS = new TrustActionAdded(PLAN, TRUST, "a1", "1", PHONICS, false,
                                                                             List.of("100001", "108520"));

    private AggregateTestFixture<TrustPlan> fixture;

    @BeforeEach
    void setUp() {
        Map<String, Set<String>> trusts = Map.of(TRUST, Set.of("108520", "100001", "100002"),
                                                 "south", Set.of("200001"));
        fixture = new AggregateTestFixture<>(TrustPlan.class);
        fixture.registerInjectableResource((TrustMembers) id -> Optional.ofNullable(trusts.get(id)));
        fixture.registerInjectableResource((MonitoringRecords) id -> id.equals("walk-108520")
                ? Optional.of(new MonitoringRecords.Facts("108520", false)) : Optional.empty());
    }

    @Test
    void aTrustPlansOverThreeYearsWithPrioritiesAndActionsForSomeOfItsSchools() {
        fixture.givenNoPriorActivity()
               .when(new CreateTrustPlan(PLAN, TRUST, " Trust improvement plan ", "2025-26", "2027-28"))
               .expectEvents(CREATED);
        fixture.given(CREATED).when(new AddTrustPriority(PLAN, TRUST, "T1", "Reading")).expectEvents(READING);
        fixture.given(CREATED, READING)
               .when(new AddTrustAction(PLAN, TRUST, "a1", "1", PHONICS, List.of("108520", "100001", "108520")))
               .expectEvents(TWO_SCHOOLS);
        fixture.given(CREATED, READING).when(new AddTrustAction(PLAN, TRUST, "a2", "2", PHONICS, List.of()))
               .expectEvents(new TrustActionAdded(PLAN, TRUST, "a2", "2", PHONICS, true, List.of()));
    }

    @Test
    void aSchoolOutsideTheTrustOrAnUnknownPriorityIsRefusedNamingTheFieldAndNothingIsWritten() {
        fixture.given(CREATED, READING)
               .when(new AddTrustAction(PLAN, TRUST, "a1", "1", PHONICS, List.of("108520", "200001")))
               .expectException(refusedOn("takingPart"))
               .expectExceptionMessage("Not a school of the trust: 200001").expectNoEvents();
        fixture.given(CREATED).when(new AddTrustAction(PLAN, TRUST, "a1", "1", PHONICS, List.of()))
               .expectException(refusedOn("priorities")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateTrustPlan(PLAN, TRUST, "Plan", "2025-26", "2024-25"))
               .expectException(refusedOn("toYear")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateTrustPlan("nowhere-2025-26", "nowhere", "Plan", "2025-26", null))
               .expectException(refusedOn("trustId")).expectNoEvents();
    }

    @Test
    void anotherTrustsOfficerFindsNoSuchPlan() {
        fixture.given(CREATED).when(new AddTrustPriority(PLAN, "south", "T9", "Maths"))
               .expectException(refusedOn("planId")).expectNoEvents();
    }

    @Test
    void eachTakingPartSchoolsRagIsJudgedOnItsOwnEvidence() {
        fixture.given(CREATED, READING, TWO_SCHOOLS)
               .when(new JudgeTrustActionRag(PLAN, "a1", "108520", HalfTerm.AUTUMN_2, Rag.AMBER,
                                             "Training done; not yet seen in lessons", List.of("walk-108520"), "slt"))
               .expectEvents(new TrustActionRagJudged(PLAN, TRUST, "a1", "108520", HalfTerm.AUTUMN_2, Rag.AMBER,
                                                      "Training done; not yet seen in lessons",
                                                      List.of("walk-108520"), "slt"));
        fixture.given(CREATED, READING, TWO_SCHOOLS)
               .when(new JudgeTrustActionRag(PLAN, "a1", "100002", HalfTerm.AUTUMN_2, Rag.GREEN, "r", List.of(), "to"))
               .expectException(refusedOn("schoolUrn")).expectNoEvents(); // in the trust, not taking part
        fixture.given(CREATED, READING, TWO_SCHOOLS)
               .when(new JudgeTrustActionRag(PLAN, "a1", "200001", HalfTerm.AUTUMN_2, Rag.GREEN, "r", List.of(), "x"))
               .expectException(refusedOn("actionId")).expectNoEvents(); // not the trust's: told nothing
        fixture.given(CREATED, READING, TWO_SCHOOLS)
               .when(new JudgeTrustActionRag(PLAN, "a1", "100001", HalfTerm.AUTUMN_2, Rag.GREEN, "r",
                                             List.of("walk-108520"), "to"))
               .expectException(refusedOn("evidence")).expectNoEvents(); // another school's monitoring
    }
}
