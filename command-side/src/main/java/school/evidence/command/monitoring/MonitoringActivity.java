package school.evidence.command.monitoring;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.plan.PlanLookup;
import school.evidence.command.retention.RecordRetention;
import school.evidence.command.retention.RetainedRecord;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.command.trustplan.TrustActionLookup;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStepCheck;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * One monitoring activity (a lesson visit, a book scrutiny...). Never overwritten: an amendment is a new version
 * with a reason, a retraction withdraws it from evidence, and every version stays in the ledger.
 */
@Aggregate
public class MonitoringActivity implements RetainedRecord {

    /** Schools record dates in their own (English) calendar. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    @AggregateIdentifier
    private String activityId;
    /** Everything else its decisions need, folded from its events ({@link ActivityState}). */
    private final ActivityState state = new ActivityState();
    @AggregateMember
    private final RecordRetention retention = new RecordRetention();

    protected MonitoringActivity() {
    }

    @CommandHandler
    public MonitoringActivity(RecordMonitoringActivity command, SchoolDirectory schools, PlanLookup plans,
                              TrustActionLookup trustActions, MonitoringRecords records) {
        notNull(command.type(), "type");
        if (!schools.isRegistered(command.schoolUrn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.schoolUrn());
        }
        MonitoringDetails details = new MonitoringRules(command.activityId(), command.schoolUrn(), command.type(),
                                                        plans, trustActions, records).check(command.details());
        List<NextStep> steps = new ArrayList<>();
        int issued = 0;
        for (NextStep step : details.nextSteps()) {
            steps.add(new NextStep(command.activityId() + "-ns" + (++issued), step.text(), step.owner(), step.dueOn()));
        }
        if (command.fulfils() != null) {
            String planId = PlanId.of(command.schoolUrn(), AcademicYear.containing(details.occurredOn()));
            PlanLookup.PlannedFacts planned = plans.find(planId).map(p -> p.planned().get(command.fulfils()))
                                                   .orElse(null);
            if (planned == null || planned.cancelled()) {
                throw Rejection.invalid("fulfils", "The " + planId + " schedule has no planned monitoring "
                        + command.fulfils());
            }
            if (planned.type() != command.type()) {
                throw Rejection.invalid("fulfils", "That planned monitoring is a " + planned.type() + ", not a "
                        + command.type());
            }
        }
        apply(new MonitoringActivityRecorded(command.activityId(), command.schoolUrn(), planOf(command.schoolUrn(),
                                                                                                details),
                                             command.type(), details.withNextSteps(steps), command.fulfils()));
    }

    /** @return the new version number (the first record is version 1) */
    @CommandHandler
    public int handle(AmendMonitoringActivity command, PlanLookup plans, TrustActionLookup trustActions,
                      MonitoringRecords records) {
        refuseIfRetracted();
        notBlank(command.reason(), "reason");
        MonitoringDetails details = new MonitoringRules(activityId, state.schoolUrn, state.type, plans, trustActions,
                                                        records).check(command.details());
        List<NextStep> steps = new ArrayList<>();
        int issued = state.nextStepsIssued;
        for (NextStep step : details.nextSteps()) {
            if (step.stepId() == null) {
                steps.add(new NextStep(activityId + "-ns" + (++issued), step.text(), step.owner(), step.dueOn()));
            } else if (state.stepIds.contains(step.stepId())) {
                steps.add(step);
            } else {
                throw Rejection.invalid("nextSteps", "This activity has no next step " + step.stepId());
            }
        }
        apply(new MonitoringActivityAmended(activityId, state.schoolUrn, planOf(state.schoolUrn, details), state.type,
                                            details.withNextSteps(steps), state.version + 1, command.reason().strip()));
        return state.version;
    }

    @CommandHandler
    public void handle(RetractMonitoringActivity command) {
        refuseIfRetracted();
        notBlank(command.reason(), "reason");
        apply(new MonitoringActivityRetracted(activityId, state.schoolUrn, command.reason().strip()));
    }

    private void refuseIfRetracted() {
        retention.refuseIfShredded();
        if (state.retracted) {
            throw Rejection.conflict("activityId", "This monitoring record was retracted; it can no longer change");
        }
    }

    @Override
    public String recordId() {
        return activityId;
    }

    @Override
    public String schoolUrn() {
        return state.schoolUrn;
    }

    @Override
    public RecordRetention retention() {
        return retention;
    }

    /** The plan the cited actions belong to: the school's plan for the year the activity happened in. */
    private static String planOf(String schoolUrn, MonitoringDetails details) {
        return details.actionIds().isEmpty() ? null
                : PlanId.of(schoolUrn, AcademicYear.containing(details.occurredOn()));
    }

    @EventSourcingHandler
    void on(Object event) {
        state.apply(event);
        activityId = state.activityId;
    }

    /** The checks every version of a record must pass, whatever its type. */
    private record MonitoringRules(String activityId, String schoolUrn, MonitoringType type, PlanLookup plans,
                                   TrustActionLookup trustActions, MonitoringRecords records) {

        MonitoringDetails check(MonitoringDetails details) {
            notNull(details, "details");
            notNull(details.occurredOn(), "occurredOn");
            if (details.occurredOn().isAfter(LocalDate.now(SCHOOL_ZONE))) {
                throw Rejection.invalid("occurredOn", "occurredOn cannot be in the future");
            }
            notBlank(details.lead(), "lead");
            String year = AcademicYear.containing(details.occurredOn());
            Optional<PlanLookup.PlanFacts> plan = plans.find(PlanId.of(schoolUrn, year));
            Set<String> own = plan.map(PlanLookup.PlanFacts::liveActionIds).orElse(Set.of());
            List<String> unknown = details.actionIds().stream().filter(id -> !own.contains(id)).toList();
            if (!unknown.isEmpty()) { // perhaps actions of a trust's plan the school takes part in
                Set<String> trusts = trustActions.takenPartIn(schoolUrn, year);
                unknown = unknown.stream().filter(id -> !trusts.contains(id)).toList();
            }
            if (!unknown.isEmpty()) {
                throw Rejection.invalid("actionIds", plan.isEmpty()
                        ? "The school has no improvement plan for " + year + ", when this happened, nor takes part in "
                          + "a trust's action " + String.join(", ", unknown)
                        : "The " + year + " plan has no action " + String.join(", ", unknown)
                          + ", nor does a trust's plan the school takes part in");
            }
            for (NextStep step : details.nextSteps()) {
                notBlank(step.text(), "nextSteps.text");
                notBlank(step.owner(), "nextSteps.owner");
                notNull(step.dueOn(), "nextSteps.dueOn");
                if (step.dueOn().isBefore(details.occurredOn())) {
                    throw Rejection.invalid("nextSteps.dueOn", "A next step cannot be due before the activity");
                }
            }
            for (NextStepCheck check : details.nextStepChecks()) {
                notNull(check.outcome(), "nextStepChecks.outcome");
                String source = MonitoringRecords.activityOf(check.nextStepId());
                boolean known = source != null && !source.equals(activityId) && records.find(source)
                        .filter(f -> f.schoolUrn().equals(schoolUrn) && f.nextStepIds().contains(check.nextStepId()))
                        .isPresent();
                if (!known) {
                    throw Rejection.invalid("nextStepChecks.nextStepId", "No next step " + check.nextStepId()
                            + " was agreed in earlier monitoring of this school");
                }
            }
            checkSpecifics(details, plan);
            return details;
        }

        /** The fields of the activity's own kind, by that kind's rules, and against the school's other records. */
        private void checkSpecifics(MonitoringDetails details, Optional<PlanLookup.PlanFacts> plan) {
            List<Specifics.Part> given = details.specifics().given();
            for (Specifics.Part part : given) {
                if (!part.field().equals(type.ownFields())) {
                    throw Rejection.invalid(part.field(), part.field() + " does not belong on a " + type);
                }
            }
            if (given.isEmpty()) {
                if (type.fieldsRequired()) {
                    throw Rejection.invalid(type.ownFields(), type.ownFields() + " is required");
                }
                return;
            }
            Specifics.Part own = given.get(0);
            own.check();
            switch (own) {
                case Specifics.DeepDive dive -> checkDeepDive(details, dive);
                case Specifics.GovernorVisit visit -> {
                    String code = visit.priorityCode();
                    if (code != null && plan.map(p -> !p.priorities().contains(code)).orElse(true)) {
                        throw Rejection.invalid("governorVisit.priorityCode", "The plan for that year has no priority "
                                + code);
                    }
                }
                default -> {
                }
            }
        }

        private void checkDeepDive(MonitoringDetails details, Specifics.DeepDive dive) {
            if (details.focus() == null || details.focus().subject() == null || details.focus().subject().isBlank()) {
                throw Rejection.invalid("focus.subject", "A deep dive is into one subject");
            }
            for (String bundled : orEmpty(dive.bundledActivityIds())) {
                boolean ok = records.find(bundled).filter(f -> f.schoolUrn().equals(schoolUrn) && !f.retracted())
                                    .isPresent();
                if (!ok) {
                    throw Rejection.invalid("deepDive.bundledActivityIds", "No monitoring activity " + bundled
                            + " of this school to bundle");
                }
            }
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
