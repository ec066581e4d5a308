package school.evidence.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import school.evidence.command.triad.TriadLookup;
import school.evidence.kernel.triad.TriadCommands.RecordTriadReview;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.trust.TrustMembers;
import school.evidence.command.trustplan.TrustPlanLookup;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.LinkPriorityToTrust;
import school.evidence.kernel.plan.PlanCommands.AddSubjectAction;
import school.evidence.kernel.plan.PlanCommands.AddSubjectPlan;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CarryForwardAction;
import school.evidence.kernel.plan.PlanCommands.CancelPlannedMonitoring;
import school.evidence.kernel.plan.PlanCommands.ClosePlan;
import school.evidence.kernel.plan.PlanCommands.PlanMonitoring;
import school.evidence.kernel.plan.PlanCommands.RevisePlannedMonitoring;
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
import school.evidence.kernel.plan.PlanEvents.PriorityLinkedToTrust;
import school.evidence.kernel.plan.PlanEvents.SubjectPlanAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.CriterionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringRevised;
import school.evidence.kernel.plan.PlanEvents.PlanClosed;
import school.evidence.kernel.plan.PlanEvents.PlanPublished;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityRevised;
import school.evidence.kernel.plan.PlanEvents.PriorityWithdrawn;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionRevised;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionWithdrawn;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notEmpty;
import static school.evidence.command.Checks.notNull;

/**
 * A school's improvement plan for one academic year: the decisions. What they rest on (which priorities, sections,
 * actions, criteria and planned monitoring exist, whether withdrawn, whether the plan is still open) is its events
 * folded by {@link PlanState}, the same fold other records' checks use.
 */
@Aggregate
public class ImprovementPlan {

    private static final Pattern PRIORITY_CODE = Pattern.compile("P\\d{1,3}");
    private static final Pattern OFSTED_ACTION = Pattern.compile("OA\\d{1,3}");

    @AggregateIdentifier
    private String planId;
    /** Everything else the plan's decisions need, folded from its events ({@link PlanState}). */
    private final PlanState plan = new PlanState();

    protected ImprovementPlan() {
    }

    @CommandHandler
    public ImprovementPlan(CreateImprovementPlan command, SchoolDirectory schools) {
        if (!AcademicYear.isValid(command.academicYear())) {
            throw Rejection.invalid("academicYear", "academicYear must look like 2023-24");
        }
        notBlank(command.title(), "title");
        if (!schools.isRegistered(command.schoolUrn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.schoolUrn());
        }
        if (!PlanId.of(command.schoolUrn(), command.academicYear()).equals(command.planId())) {
            throw Rejection.invalid("planId", "planId must be " + PlanId.of(command.schoolUrn(),
                                                                            command.academicYear()));
        }
        apply(new ImprovementPlanCreated(command.planId(), command.schoolUrn(), command.academicYear(),
                                         command.title().strip()));
    }

    // ---------------------------------------------------------------- priorities

    @CommandHandler
    public void handle(AddPriority command) {
        refuseIfClosed();
        if (command.code() == null || !PRIORITY_CODE.matcher(command.code()).matches()) {
            throw Rejection.invalid("code", "code must look like P1");
        }
        if (plan.priorities.containsKey(command.code())) {
            throw Rejection.conflict("code", "The plan already has a priority " + command.code());
        }
        notBlank(command.statement(), "statement");
        apply(new PriorityAdded(planId, plan.schoolUrn, command.code(), command.statement().strip(), orEmpty(command.dueBy())));
    }

    @CommandHandler
    public void handle(RevisePriority command) {
        refuseIfClosed();
        requireLivePriority(command.code());
        notBlank(command.statement(), "statement");
        notBlank(command.reason(), "reason");
        apply(new PriorityRevised(planId, plan.schoolUrn, command.code(), command.statement().strip(),
                                  orEmpty(command.dueBy()), command.reason().strip()));
    }

    @CommandHandler
    public void handle(WithdrawPriority command) {
        refuseIfClosed();
        requireLivePriority(command.code());
        notBlank(command.reason(), "reason");
        apply(new PriorityWithdrawn(planId, plan.schoolUrn, command.code(), command.reason().strip()));
    }

    /** Links the priority to a priority of a plan of a trust the school is in (another trust's is refused). */
    @CommandHandler
    public void handle(LinkPriorityToTrust command, TrustPlanLookup trustPlans, TrustMembers trusts) {
        refuseIfClosed();
        requireLivePriority(command.code());
        notBlank(command.trustPlanId(), "trustPlanId");
        TrustPlanLookup.Facts trustPlan = trustPlans.find(command.trustPlanId()).orElseThrow(
                () -> Rejection.invalid("trustPlanId", "No trust plan " + command.trustPlanId()));
        if (!trusts.of(trustPlan.trustId()).orElseThrow().contains(plan.schoolUrn)) {
            throw Rejection.invalid("trustPlanId", "The school is not in the trust whose plan "
                    + command.trustPlanId() + " is; link to its own trust's priorities");
        }
        if (command.trustPriority() == null || !trustPlan.priorities().contains(command.trustPriority())) {
            throw Rejection.invalid("trustPriority", "The trust plan has no priority " + command.trustPriority());
        }
        apply(new PriorityLinkedToTrust(planId, plan.schoolUrn, command.code(), command.trustPlanId(),
                                        trustPlan.trustId(), command.trustPriority()));
    }

    // ---------------------------------------------------------------- sections and actions

    @CommandHandler
    public void handle(AddSection command) {
        refuseIfClosed();
        notBlank(command.sectionId(), "sectionId");
        SectionDetails details = command.details();
        notNull(details, "title");
        notBlank(details.title(), "title");
        apply(new SectionAdded(planId, plan.schoolUrn, command.sectionId(), new SectionDetails(
                details.title().strip(), details.aim(), orEmpty(details.ethosLinks()), orEmpty(details.ofstedAreas()))));
    }

    @CommandHandler
    public void handle(AddSubjectPlan command) {
        refuseIfClosed();
        apply(new SubjectPlanAdded(planId, plan.schoolUrn, command.subjectPlanId(),
                                   SubjectPlans.checked(plan, command.subjectPlanId(), command.details())));
    }

    @CommandHandler
    public void handle(AddAction command) {
        refuseIfClosed();
        SubjectPlans.requireContainer(plan, command.sectionId());
        addAction(command.actionId(), command.sectionId(), command.number(), command.details());
    }

    @CommandHandler
    public void handle(AddSubjectAction command) {
        refuseIfClosed();
        SubjectPlans.requireSubjectPlan(plan, command.subjectPlanId());
        addAction(command.actionId(), command.subjectPlanId(), command.number(), command.details());
    }

    private void addAction(String actionId, String sectionId, String number, ActionDetails details) {
        notBlank(number, "number");
        refuseTakenNumber(sectionId, number);
        apply(new ActionAdded(planId, plan.schoolUrn, actionId, sectionId, number.strip(),
                              SubjectPlans.checkedSupports(plan, sectionId, checked(details))));
    }

    /** A triad's review of the school, and the actions it agreed as actions of the plan's sections, in one commit. */
    @CommandHandler
    public void handle(RecordTriadReview command, TriadLookup triads) {
        refuseIfClosed();
        TriadReviewRecorded review = TriadReviews.recorded(plan, command, triads);
        List<ActionAdded> agreed = TriadReviews.agreedActions(plan, command.actions(), this::checked);
        apply(review);
        agreed.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(ReviseAction command) {
        refuseIfClosed();
        requireLiveAction(command.actionId());
        notBlank(command.reason(), "reason");
        // What a revision leaves out (null) stays as it was, so a form without these fields does not clear them;
        // {} clears a timescale, "" a funding source, and a cost without a basis is a whole cost only if new.
        ActionDetails before = plan.actions.get(command.actionId()).details();
        ActionDetails given = command.details();
        ActionDetails revised = checked(given.withCosting(
                given.costBasis() == null && given.costPounds() != null ? before.costBasis() : given.costBasis(),
                given.fundingSource() == null ? before.fundingSource() : given.fundingSource()));
        if (given.timescale() == null) {
            revised = revised.withTimescale(before.timescale());
        }
        revised = SubjectPlans.checkedSupports(plan, plan.actions.get(command.actionId()).sectionId(),
                                               revised.withSupports(given.supports() == null ? before.supports()
                                                       : given.supports()));
        apply(new ActionRevised(planId, plan.schoolUrn, command.actionId(), revised, command.reason().strip()));
    }

    @CommandHandler
    public void handle(WithdrawAction command) {
        refuseIfClosed();
        requireLiveAction(command.actionId());
        notBlank(command.reason(), "reason");
        apply(new ActionWithdrawn(planId, plan.schoolUrn, command.actionId(), command.reason().strip()));
    }

    @CommandHandler
    public void handle(CarryForwardAction command, PlanLookup plans) {
        refuseIfClosed();
        requireSection(command.sectionId());
        notBlank(command.number(), "number");
        refuseTakenNumber(command.sectionId(), command.number());
        PlanLookup.PlanFacts from = plans.find(command.fromPlanId())
                .filter(p -> p.schoolUrn().equals(plan.schoolUrn))
                .orElseThrow(() -> Rejection.invalid("fromPlanId", "This school has no plan " + command.fromPlanId()));
        if (from.academicYear().compareTo(plan.academicYear) >= 0) {
            throw Rejection.invalid("fromPlanId", "Actions can only be carried forward from an earlier year's plan");
        }
        PlanLookup.ActionFacts action = from.actions().get(command.fromActionId());
        if (action == null || action.withdrawn()) {
            throw Rejection.invalid("fromActionId", "Plan " + command.fromPlanId() + " has no live action "
                    + command.fromActionId());
        }
        if (action.lastRag() == Rag.GREEN) {
            throw Rejection.invalid("fromActionId", "That action was judged green (evidenced and shows impact); "
                    + "only unfinished actions are carried forward");
        }
        if (plan.carriedFrom.contains(command.fromActionId())) {
            throw Rejection.conflict("fromActionId", "That action has already been carried into this plan");
        }
        ActionDetails details = action.details();
        List<String> kept = details.priorities().stream().filter(this::isLivePriority).toList();
        List<String> dropped = details.priorities().stream().filter(p -> !isLivePriority(p)).toList();
        apply(new ActionCarriedForward(planId, plan.schoolUrn, command.actionId(), command.sectionId(),
                                       command.number().strip(), new ActionDetails(
                details.title(), kept, details.ofstedActions(), details.leads(), details.governorLink(),
                details.resources(), details.costPounds(), details.monitoredBy(), details.evaluatedBy(),
                details.timescale(), details.costBasis(), details.fundingSource()),
                                       command.fromPlanId(), command.fromActionId(), dropped));
    }

    // ---------------------------------------------------------------- success criteria

    @CommandHandler
    public void handle(AddSuccessCriterion command) {
        refuseIfClosed();
        requireLiveAction(command.actionId());
        notBlank(command.text(), "text");
        notEmpty(command.halfTerms(), "halfTerms");
        apply(new SuccessCriterionAdded(planId, plan.schoolUrn, command.actionId(), command.criterionId(),
                                        command.text().strip(), command.halfTerms()));
    }

    @CommandHandler
    public void handle(ReviseSuccessCriterion command) {
        refuseIfClosed();
        requireLiveCriterion(command.actionId(), command.criterionId());
        notBlank(command.text(), "text");
        notEmpty(command.halfTerms(), "halfTerms");
        notBlank(command.reason(), "reason");
        apply(new SuccessCriterionRevised(planId, plan.schoolUrn, command.actionId(), command.criterionId(),
                                          command.text().strip(), command.halfTerms(), command.reason().strip()));
    }

    @CommandHandler
    public void handle(WithdrawSuccessCriterion command) {
        refuseIfClosed();
        requireLiveCriterion(command.actionId(), command.criterionId());
        notBlank(command.reason(), "reason");
        apply(new SuccessCriterionWithdrawn(planId, plan.schoolUrn, command.actionId(), command.criterionId(),
                                            command.reason().strip()));
    }

    // ---------------------------------------------------------------- RAG

    /** @return the plan's version after the judgement, for the client's next If-Match */
    @CommandHandler
    public Long handle(JudgeActionRag command, MonitoringRecords monitoring) {
        refuseIfClosed();
        requireLiveAction(command.actionId());
        List<String> evidence = checkJudgement(command.halfTerm(), command.status(), command.rationale(),
                                               command.evidence(), monitoring);
        apply(new ActionRagJudged(planId, plan.schoolUrn, command.actionId(), command.halfTerm(), command.status(),
                                  command.rationale().strip(), evidence, command.judgedBy()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public Long handle(JudgeCriterionRag command, MonitoringRecords monitoring) {
        refuseIfClosed();
        requireLiveCriterion(command.actionId(), command.criterionId());
        List<String> evidence = checkJudgement(command.halfTerm(), command.status(), command.rationale(),
                                               command.evidence(), monitoring);
        apply(new CriterionRagJudged(planId, plan.schoolUrn, command.actionId(), command.criterionId(), command.halfTerm(),
                                     command.status(), command.rationale().strip(), evidence, command.judgedBy()));
        return AggregateLifecycle.getVersion();
    }

    private List<String> checkJudgement(Object halfTerm, Rag status, String rationale, List<String> cited,
                                        MonitoringRecords monitoring) {
        return ActionRules.checkedJudgement(halfTerm, status, rationale, cited, plan.schoolUrn, monitoring);
    }

    // ---------------------------------------------------------------- monitoring schedule

    @CommandHandler
    public void handle(PlanMonitoring command) {
        refuseIfClosed();
        checkPlanned(command.halfTerm(), command.type(), command.actionIds(), command.who());
        if (plan.planned.containsKey(command.plannedId())) {
            throw Rejection.conflict("plannedId", "Already planned: " + command.plannedId());
        }
        apply(new MonitoringPlanned(planId, plan.schoolUrn, command.plannedId(), command.halfTerm(), command.type(),
                                    command.subject(), orEmpty(command.actionIds()), command.who().strip()));
    }

    @CommandHandler
    public void handle(RevisePlannedMonitoring command) {
        refuseIfClosed();
        requireLivePlanned(command.plannedId());
        checkPlanned(command.halfTerm(), command.type(), command.actionIds(), command.who());
        notBlank(command.reason(), "reason");
        apply(new PlannedMonitoringRevised(planId, plan.schoolUrn, command.plannedId(), command.halfTerm(), command.type(),
                                           command.subject(), orEmpty(command.actionIds()), command.who().strip(),
                                           command.reason().strip()));
    }

    @CommandHandler
    public void handle(CancelPlannedMonitoring command) {
        refuseIfClosed();
        requireLivePlanned(command.plannedId());
        notBlank(command.reason(), "reason");
        apply(new PlannedMonitoringCancelled(planId, plan.schoolUrn, command.plannedId(), command.reason().strip()));
    }

    private void checkPlanned(Object halfTerm, Object type, List<String> actionIds, String who) {
        notNull(halfTerm, "halfTerm");
        notNull(type, "type");
        notBlank(who, "who");
        for (String actionId : orEmpty(actionIds)) {
            requireLiveAction(actionId);
        }
    }

    private void requireLivePlanned(String plannedId) {
        if (!plan.isLivePlanned(plannedId)) {
            throw Rejection.notFound("plannedId", "The schedule has no planned monitoring " + plannedId);
        }
    }

    // ---------------------------------------------------------------- life cycle

    @CommandHandler
    public void handle(PublishPlan command) {
        refuseIfClosed();
        if (plan.status == PlanState.Status.PUBLISHED) {
            throw Rejection.conflict("planId", "The plan is already published");
        }
        apply(new PlanPublished(planId, plan.schoolUrn));
    }

    @CommandHandler
    public void handle(ClosePlan command) {
        refuseIfClosed();
        if (plan.status != PlanState.Status.PUBLISHED) {
            throw Rejection.conflict("planId", "Only a published plan can be closed");
        }
        notBlank(command.reason(), "reason");
        apply(new PlanClosed(planId, plan.schoolUrn, command.reason().strip()));
    }

    // ---------------------------------------------------------------- checks

    private void refuseIfClosed() {
        if (plan.status == PlanState.Status.CLOSED) {
            throw Rejection.conflict("planId", "The plan is closed; it can no longer change");
        }
    }

    private boolean isLivePriority(String code) {
        return Boolean.FALSE.equals(plan.priorities.get(code));
    }

    private void requireLivePriority(String code) {
        if (!isLivePriority(code)) {
            throw Rejection.notFound("code", "The plan has no priority " + code);
        }
    }

    private void requireSection(String sectionId) {
        if (!plan.sectionIds.contains(sectionId)) {
            throw Rejection.invalid("sectionId", "The plan has no section " + sectionId);
        }
    }

    private void refuseTakenNumber(String sectionId, String number) {
        if (plan.actionNumbers.contains(sectionId + "#" + number.strip())) {
            throw Rejection.conflict("number", "The section already has an action " + number.strip());
        }
    }

    private void requireLiveAction(String actionId) {
        PlanState.ActionState action = plan.actions.get(actionId);
        if (action == null || action.withdrawn()) {
            throw Rejection.notFound("actionId", "The plan has no action " + actionId);
        }
    }

    private void requireLiveCriterion(String actionId, String criterionId) {
        requireLiveAction(actionId);
        PlanState.CriterionState criterion = plan.criteria.get(criterionId);
        if (criterion == null || criterion.withdrawn() || !criterion.actionId().equals(actionId)) {
            throw Rejection.notFound("criterionId", "The action has no success criterion " + criterionId);
        }
    }

    private ActionDetails checked(ActionDetails details) {
        ActionDetails tidy = ActionRules.checked(details);
        List<String> unknown = tidy.priorities().stream().filter(p -> !isLivePriority(p)).toList();
        if (!unknown.isEmpty()) {
            throw Rejection.invalid("priorities", "The plan has no priority " + String.join(", ", unknown));
        }
        List<String> badOa = tidy.ofstedActions().stream().filter(oa -> !OFSTED_ACTION.matcher(oa).matches())
                                 .toList();
        if (!badOa.isEmpty()) {
            throw Rejection.invalid("ofstedActions", "Ofsted actions look like OA1, not " + String.join(", ", badOa));
        }
        return tidy;
    }

    private static <T> Set<T> orEmpty(Set<T> set) {
        return set == null ? Set.of() : set;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : new ArrayList<>(list);
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(Object event) {
        plan.apply(event);
        planId = plan.planId;
    }
}
