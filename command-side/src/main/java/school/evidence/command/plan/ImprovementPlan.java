package school.evidence.command.plan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
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
import school.evidence.kernel.plan.PlanId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notEmpty;
import static school.evidence.command.Checks.notNull;

/**
 * A school's improvement plan for one academic year. Holds only what its decisions need: which priorities,
 * sections and actions exist, so every reference in a command can be checked.
 */
@Aggregate
public class ImprovementPlan {

    private static final java.util.regex.Pattern PRIORITY_CODE = java.util.regex.Pattern.compile("P\\d{1,3}");

    @AggregateIdentifier
    private String planId;
    private String schoolUrn;
    private final Set<String> priorityCodes = new HashSet<>();
    private final Set<String> sectionIds = new HashSet<>();
    /** action id -> section id */
    private final Map<String, String> actions = new HashMap<>();
    /** section id + action number, so two actions cannot both be "1." in one section */
    private final Set<String> actionNumbers = new HashSet<>();

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

    @CommandHandler
    public void handle(AddPriority command) {
        if (command.code() == null || !PRIORITY_CODE.matcher(command.code()).matches()) {
            throw Rejection.invalid("code", "code must look like P1");
        }
        if (priorityCodes.contains(command.code())) {
            throw Rejection.conflict("code", "The plan already has a priority " + command.code());
        }
        notBlank(command.statement(), "statement");
        apply(new PriorityAdded(planId, schoolUrn, command.code(), command.statement().strip(),
                                command.dueBy() == null ? Set.of() : command.dueBy()));
    }

    @CommandHandler
    public void handle(AddSection command) {
        notBlank(command.title(), "title");
        notBlank(command.sectionId(), "sectionId");
        apply(new SectionAdded(planId, schoolUrn, command.sectionId(), command.title().strip(),
                               command.ofstedAreas() == null ? Set.of() : command.ofstedAreas()));
    }

    @CommandHandler
    public void handle(AddAction command) {
        if (!sectionIds.contains(command.sectionId())) {
            throw Rejection.invalid("sectionId", "The plan has no section " + command.sectionId());
        }
        notBlank(command.number(), "number");
        notBlank(command.title(), "title");
        List<String> priorities = command.priorities() == null ? List.of() : command.priorities();
        List<String> unknown = priorities.stream().filter(p -> !priorityCodes.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw Rejection.invalid("priorities", "The plan has no priority " + String.join(", ", unknown));
        }
        if (actionNumbers.contains(command.sectionId() + "#" + command.number())) {
            throw Rejection.conflict("number", "The section already has an action " + command.number());
        }
        apply(new ActionAdded(planId, schoolUrn, command.actionId(), command.sectionId(), command.number().strip(),
                              command.title().strip(), priorities,
                              command.leads() == null ? List.of() : command.leads(), command.governorLink()));
    }

    @CommandHandler
    public void handle(AddSuccessCriterion command) {
        requireAction(command.actionId());
        notBlank(command.text(), "text");
        notEmpty(command.halfTerms(), "halfTerms");
        apply(new SuccessCriterionAdded(planId, schoolUrn, command.actionId(), command.criterionId(),
                                        command.text().strip(), command.halfTerms()));
    }

    /** @return the plan's version after the judgement, for the client's next If-Match */
    @CommandHandler
    public Long handle(JudgeActionRag command, MonitoringRecords monitoring) {
        requireAction(command.actionId());
        notNull(command.halfTerm(), "halfTerm");
        notNull(command.status(), "status");
        notBlank(command.rationale(), "rationale");
        List<String> evidence = command.evidence() == null ? List.of() : command.evidence();
        for (String activityId : evidence) {
            MonitoringRecords.Facts facts = monitoring.find(activityId)
                    .filter(f -> f.schoolUrn().equals(schoolUrn))
                    .orElseThrow(() -> Rejection.invalid("evidence", "No monitoring activity " + activityId
                                                                       + " is recorded for this school"));
            if (facts.retracted()) {
                throw Rejection.invalid("evidence", "Monitoring activity " + activityId + " was retracted");
            }
        }
        apply(new ActionRagJudged(planId, schoolUrn, command.actionId(), command.halfTerm(), command.status(),
                                  command.rationale().strip(), evidence, command.judgedBy()));
        return AggregateLifecycle.getVersion();
    }

    private void requireAction(String actionId) {
        if (!actions.containsKey(actionId)) {
            throw Rejection.notFound("actionId", "The plan has no action " + actionId);
        }
    }

    @EventSourcingHandler
    void on(ImprovementPlanCreated event) {
        planId = event.planId();
        schoolUrn = event.schoolUrn();
    }

    @EventSourcingHandler
    void on(PriorityAdded event) {
        priorityCodes.add(event.code());
    }

    @EventSourcingHandler
    void on(SectionAdded event) {
        sectionIds.add(event.sectionId());
    }

    @EventSourcingHandler
    void on(ActionAdded event) {
        actions.put(event.actionId(), event.sectionId());
        actionNumbers.add(event.sectionId() + "#" + event.number());
    }
}
