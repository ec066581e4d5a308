package school.evidence.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.command.trust.TrustMembers;
import school.evidence.command.trustplan.TrustPlanLookup;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanCommands.LinkPriorityToTrust;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityLinkedToTrust;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A school's priority feeds its own trust's priority; another trust's, or one the plan lacks, is refused by field. */
class TrustLinkTest {

    private static final String PLAN = "108520-2026-27";
    private static final String URN = "108520";
    private static final Object[] GIVEN = {
            new ImprovementPlanCreated(PLAN, URN, "2026-27", "School Improvement Plan 2026-2027"),
            new PriorityAdded(PLAN, URN, "P1", "Reading for pleasure", Set.of(HalfTerm.SUMMER_2))};

    private AggregateTestFixture<ImprovementPlan> fixture;

    @BeforeEach
    void setUp() {
        Map<String, TrustPlanLookup.Facts> plans = Map.of(
                "north-star-2026-27", new TrustPlanLookup.Facts("north-star", Set.of("T1", "T2")),
                "south-2026-27", new TrustPlanLookup.Facts("south", Set.of("T1")));
        Map<String, Set<String>> members = Map.of("north-star", Set.of(URN), "south", Set.of("200001"));
        fixture = new AggregateTestFixture<>(ImprovementPlan.class);
        fixture.registerInjectableResource((SchoolDirectory) URN::equals);
        fixture.registerInjectableResource((MonitoringRecords) id -> Optional.empty());
        fixture.registerInjectableResource((PlanLookup) id -> Optional.empty());
        fixture.registerInjectableResource((TrustPlanLookup) id -> Optional.ofNullable(plans.get(id)));
        fixture.registerInjectableResource((TrustMembers) id -> Optional.ofNullable(members.get(id)));
    }

    @Test
    void aPriorityFeedsItsOwnTrustsPriority() {
        fixture.given(GIVEN).when(new LinkPriorityToTrust(PLAN, "P1", "north-star-2026-27", "T2"))
               .expectEvents(new PriorityLinkedToTrust(PLAN, URN, "P1", "north-star-2026-27", "north-star", "T2"));
    }

    @Test
    void anotherTrustsPriorityOrOneItsPlanLacksOrAnUnknownPriorityIsRefused() {
        fixture.given(GIVEN).when(new LinkPriorityToTrust(PLAN, "P1", "south-2026-27", "T1"))
               .expectException(Rejection.class)
               .expectExceptionMessage("The school is not in the trust whose plan south-2026-27 is; link to its own "
                                       + "trust's priorities")
               .expectNoEvents();
        fixture.given(GIVEN).when(new LinkPriorityToTrust(PLAN, "P1", "north-star-2026-27", "T7"))
               .expectException(Rejection.class).expectExceptionMessage("The trust plan has no priority T7")
               .expectNoEvents();
        fixture.given(GIVEN).when(new LinkPriorityToTrust(PLAN, "P9", "north-star-2026-27", "T1"))
               .expectException(Rejection.class).expectNoEvents();
    }
}
