package school.evidence.command.plan;

import org.junit.jupiter.api.Test;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityWithdrawn;
import school.evidence.kernel.plan.Rag;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The one fold of a plan's stream, as another record's checks see its result. */
class PlanStateTest {

    private static final String PLAN = "108520-2026-27";
    private static final String URN = "108520";

    private static PlanLookup.PlanFacts fold(Object... events) {
        PlanState plan = new PlanState();
        Stream.of(events).forEach(plan::apply);
        return plan.facts();
    }

    @Test
    void aPlanIsWhatItsEventsAddUpTo() {
        ActionDetails phonics = new ActionDetails("Phonics training for all KS1 staff", List.of("P1"), null, null,
                                                  null, null, null, null, null);
        PlanLookup.PlanFacts facts = fold(
                new ImprovementPlanCreated(PLAN, URN, "2026-27", "School improvement plan"),
                new PriorityAdded(PLAN, URN, "P1", "Reading", Set.of()),
                new PriorityAdded(PLAN, URN, "P2", "Attendance", Set.of()),
                new PriorityWithdrawn(PLAN, URN, "P2", "Merged into P1"),
                new ActionAdded(PLAN, URN, "a-1", "s-1", "1.1", phonics),
                new ActionAdded(PLAN, URN, "a-2", "s-1", "1.2", phonics),
                new ActionRagJudged(PLAN, URN, "a-1", HalfTerm.AUTUMN_2, Rag.AMBER, "Half the staff trained",
                                    List.of(), "slt"),
                new ActionWithdrawn(PLAN, URN, "a-2", "Duplicate"),
                new MonitoringPlanned(PLAN, URN, "m-1", HalfTerm.SPRING_1, MonitoringType.BOOK_SCRUTINY, "English",
                                      List.of("a-1"), "English lead"),
                new MonitoringPlanned(PLAN, URN, "m-2", HalfTerm.SPRING_1, MonitoringType.PUPIL_VOICE, "English",
                                      List.of("a-1"), "English lead"),
                new PlannedMonitoringCancelled(PLAN, URN, "m-2", "Staff absence"));

        assertThat(facts.schoolUrn()).isEqualTo(URN);
        assertThat(facts.priorities()).containsExactly("P1");
        assertThat(facts.liveActionIds()).containsExactly("a-1");
        assertThat(facts.actions().get("a-1").lastRag()).isEqualTo(Rag.AMBER);
        assertThat(facts.actions().get("a-1").details()).isEqualTo(phonics);
        assertThat(facts.planned().get("m-1")).isEqualTo(new PlanLookup.PlannedFacts(MonitoringType.BOOK_SCRUTINY,
                                                                                       false));
        assertThat(facts.planned().get("m-2").cancelled()).isTrue();
    }

    @Test
    void anotherRecordsEventsAddUpToNoPlan() {
        PlanState plan = new PlanState();
        plan.apply(new Object());
        assertThat(plan.schoolUrn).isNull();
    }
}
