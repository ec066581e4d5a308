package school.evidence.command.plan;

import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlanClosed;
import school.evidence.kernel.plan.PlanEvents.PlanPublished;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringRevised;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityWithdrawn;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SubjectPlanAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionWithdrawn;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a plan's events add up to. The one fold of a plan's stream: the plan folds its own events into it to decide
 * its commands, and another record's checks against a plan ({@link PlanLookup}) fold the same events the same way.
 */
final class PlanState {

    enum Status { DRAFT, PUBLISHED, CLOSED }

    record ActionState(String sectionId, String number, ActionDetails details, boolean withdrawn, Rag lastRag) {
    }

    record CriterionState(String actionId, boolean withdrawn) {
    }

    record PlannedState(MonitoringType type, boolean cancelled) {
    }

    String planId;
    String schoolUrn;
    String academicYear;
    Status status = Status.DRAFT;
    /** priority code -> withdrawn */
    final Map<String, Boolean> priorities = new HashMap<>();
    final Set<String> sectionIds = new HashSet<>();
    /** subject leaders' plans inside this one: their actions sit in them as the school's sit in sections */
    final Set<String> subjectPlanIds = new HashSet<>();
    final Set<String> subjectAreas = new HashSet<>();
    final Map<String, ActionState> actions = new HashMap<>();
    /** section id + action number, so two actions cannot both be "1." in one section */
    final Set<String> actionNumbers = new HashSet<>();
    final Map<String, CriterionState> criteria = new HashMap<>();
    final Set<String> carriedFrom = new HashSet<>();
    final Map<String, PlannedState> planned = new HashMap<>();
    /** triad id + term of each review recorded in the plan: a rota slot is reviewed once */
    final Set<String> triadReviews = new HashSet<>();

    void apply(Object event) {
        switch (event) {
            case ImprovementPlanCreated e -> {
                planId = e.planId();
                schoolUrn = e.schoolUrn();
                academicYear = e.academicYear();
            }
            case PriorityAdded e -> priorities.put(e.code(), false);
            case PriorityWithdrawn e -> priorities.put(e.code(), true);
            case SectionAdded e -> sectionIds.add(e.sectionId());
            case SubjectPlanAdded e -> {
                subjectPlanIds.add(e.subjectPlanId());
                subjectAreas.add(e.details().area());
            }
            case ActionAdded e -> addAction(e.actionId(), e.sectionId(), e.number(), e.details());
            case ActionCarriedForward e -> {
                addAction(e.actionId(), e.sectionId(), e.number(), e.details());
                carriedFrom.add(e.fromActionId());
            }
            case ActionRevised e -> actions.computeIfPresent(e.actionId(), (id, a) -> new ActionState(
                    a.sectionId(), a.number(), e.details(), a.withdrawn(), a.lastRag()));
            case ActionWithdrawn e -> actions.computeIfPresent(e.actionId(), (id, a) -> new ActionState(
                    a.sectionId(), a.number(), a.details(), true, a.lastRag()));
            case ActionRagJudged e -> actions.computeIfPresent(e.actionId(), (id, a) -> new ActionState(
                    a.sectionId(), a.number(), a.details(), a.withdrawn(), e.status()));
            case SuccessCriterionAdded e -> criteria.put(e.criterionId(), new CriterionState(e.actionId(), false));
            case SuccessCriterionWithdrawn e -> criteria.computeIfPresent(e.criterionId(),
                                                                          (id, c) -> new CriterionState(c.actionId(), true));
            case MonitoringPlanned e -> planned.put(e.plannedId(), new PlannedState(e.type(), false));
            case PlannedMonitoringRevised e -> planned.computeIfPresent(e.plannedId(),
                                                                        (id, p) -> new PlannedState(e.type(), p.cancelled()));
            case PlannedMonitoringCancelled e -> planned.computeIfPresent(e.plannedId(),
                                                                          (id, p) -> new PlannedState(p.type(), true));
            case TriadReviewRecorded e -> triadReviews.add(e.triadId() + "#" + e.term());
            case PlanPublished e -> status = Status.PUBLISHED;
            case PlanClosed e -> status = Status.CLOSED;
            default -> {
                // revisions of priorities, sections and criteria, and criterion judgements, decide nothing here
            }
        }
    }

    private void addAction(String actionId, String sectionId, String number, ActionDetails details) {
        actions.put(actionId, new ActionState(sectionId, number, details, false, null));
        actionNumbers.add(sectionId + "#" + number);
    }

    boolean isLivePlanned(String plannedId) {
        PlannedState p = planned.get(plannedId);
        return p != null && !p.cancelled();
    }

    /** What other records may check against: live priorities, every action, the planned monitoring. */
    PlanLookup.PlanFacts facts() {
        Set<String> live = priorities.entrySet().stream().filter(p -> !p.getValue()).map(Map.Entry::getKey)
                                     .collect(Collectors.toSet());
        Map<String, PlanLookup.ActionFacts> actionFacts = new HashMap<>();
        actions.forEach((id, a) -> actionFacts.put(id, new PlanLookup.ActionFacts(a.number(), a.details(),
                                                                                   a.withdrawn(), a.lastRag())));
        Map<String, PlanLookup.PlannedFacts> plannedFacts = new HashMap<>();
        planned.forEach((id, p) -> plannedFacts.put(id, new PlanLookup.PlannedFacts(p.type(), p.cancelled())));
        return new PlanLookup.PlanFacts(planId, schoolUrn, academicYear, live, actionFacts, plannedFacts);
    }
}
