package school.evidence.command.trustplan;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.plan.ActionRules;
import school.evidence.command.trust.TrustMembers;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.trustplan.TrustPlanCommands;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustPriority;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.kernel.trustplan.TrustPlanCommands.JudgeTrustActionRag;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionAdded;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionRagJudged;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPriorityAdded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;

/**
 * A trust's (or a local authority's) plan across its schools, over one academic year or several: its priorities,
 * and actions each naming the member schools taking part; each of those schools' RAG for an action is judged apart.
 */
@Aggregate
public class TrustPlan {

    private static final Pattern CODE = Pattern.compile("[A-Z]{0,3}\\d{1,3}");

    /** An action and who takes part: every member school ({@code schools} null) or those named. */
    private record ActionState(String number, Set<String> schools) {
    }

    @AggregateIdentifier
    private String planId;
    private String trustId;
    private final Set<String> priorities = new HashSet<>();
    private final Map<String, ActionState> actions = new HashMap<>();

    protected TrustPlan() {
    }

    @CommandHandler
    public TrustPlan(CreateTrustPlan command, TrustMembers trusts) {
        if (trusts.of(command.trustId()).isEmpty()) {
            throw Rejection.notFound("trustId", "No trust " + command.trustId());
        }
        if (!AcademicYear.isValid(command.fromYear())) {
            throw Rejection.invalid("fromYear", "fromYear must look like 2025-26");
        }
        String to = command.toYear() == null ? command.fromYear() : command.toYear();
        if (!AcademicYear.isValid(to) || to.compareTo(command.fromYear()) < 0) {
            throw Rejection.invalid("toYear", "toYear must look like 2027-28 and not be before fromYear");
        }
        notBlank(command.title(), "title");
        if (!TrustPlanCommands.planId(command.trustId(), command.fromYear()).equals(command.planId())) {
            throw Rejection.invalid("planId", "planId must be "
                    + TrustPlanCommands.planId(command.trustId(), command.fromYear()));
        }
        apply(new TrustPlanCreated(command.planId(), command.trustId(), command.title().strip(), command.fromYear(),
                                   to));
    }

    @CommandHandler
    public void handle(AddTrustPriority command) {
        requireTrust(command.trustId());
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            throw Rejection.invalid("code", "code must look like T1");
        }
        if (priorities.contains(command.code())) {
            throw Rejection.conflict("code", "The plan already has a priority " + command.code());
        }
        notBlank(command.statement(), "statement");
        apply(new TrustPriorityAdded(planId, trustId, command.code(), command.statement().strip()));
    }

    @CommandHandler
    public void handle(AddTrustAction command, TrustMembers trusts) {
        requireTrust(command.trustId());
        notBlank(command.number(), "number");
        String number = command.number().strip();
        if (actions.values().stream().anyMatch(a -> a.number().equals(number))) {
            throw Rejection.conflict("number", "The plan already has an action " + number);
        }
        ActionDetails details = ActionRules.checked(command.details());
        List<String> unknown = details.priorities().stream().filter(p -> !priorities.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw Rejection.invalid("priorities", "The plan has no priority " + String.join(", ", unknown));
        }
        Set<String> members = trusts.of(trustId).orElseThrow();
        List<String> outside = command.takingPart().stream().filter(urn -> !members.contains(urn)).toList();
        if (!outside.isEmpty()) {
            throw Rejection.invalid("takingPart", "Not a school of the trust: " + String.join(", ", outside));
        }
        List<String> schools = command.takingPart().stream().distinct().sorted().toList();
        apply(new TrustActionAdded(planId, trustId, command.actionId(), number, details, schools.isEmpty(), schools));
    }

    @CommandHandler
    public void handle(JudgeTrustActionRag command, TrustMembers trusts, MonitoringRecords monitoring) {
        ActionState action = actions.get(command.actionId());
        boolean member = trusts.of(trustId).orElseThrow().contains(command.schoolUrn());
        if (action == null || !member) { // a school outside the trust is not told what the trust plans
            throw Rejection.notFound("actionId", "The trust's plan has no action " + command.actionId());
        }
        if (action.schools() != null && !action.schools().contains(command.schoolUrn())) {
            throw Rejection.invalid("schoolUrn", "School " + command.schoolUrn() + " does not take part in action "
                    + action.number());
        }
        List<String> evidence = ActionRules.checkedJudgement(command.halfTerm(), command.status(),
                                                             command.rationale(), command.evidence(),
                                                             command.schoolUrn(), monitoring);
        apply(new TrustActionRagJudged(planId, trustId, command.actionId(), command.schoolUrn(), command.halfTerm(),
                                       command.status(), command.rationale().strip(), evidence,
                                       command.judgedBy()));
    }

    /** The plan is changed through its own trust's routes only; another trust's officer finds no such plan. */
    private void requireTrust(String caller) {
        if (!trustId.equals(caller)) {
            throw Rejection.notFound("planId", "Trust " + caller + " has no plan " + planId);
        }
    }

    @EventSourcingHandler
    void on(TrustPlanCreated event) {
        planId = event.planId();
        trustId = event.trustId();
    }

    @EventSourcingHandler
    void on(TrustPriorityAdded event) {
        priorities.add(event.code());
    }

    @EventSourcingHandler
    void on(TrustActionAdded event) {
        actions.put(event.actionId(), new ActionState(event.number(), event.allSchools() ? null
                : Set.copyOf(event.schools())));
    }
}
