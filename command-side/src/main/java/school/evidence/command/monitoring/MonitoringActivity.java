package school.evidence.command.monitoring;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.plan.PlanActions;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * One monitoring activity (a lesson visit, a book scrutiny...). Never overwritten: an amendment is a new version
 * with a reason, a retraction withdraws it from evidence, and every version stays in the ledger.
 */
@Aggregate
public class MonitoringActivity {

    /** Schools record dates in their own (English) calendar. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    @AggregateIdentifier
    private String activityId;
    private String schoolUrn;
    private MonitoringType type;
    private int version;
    private boolean retracted;

    protected MonitoringActivity() {
    }

    @CommandHandler
    public MonitoringActivity(RecordMonitoringActivity command, SchoolDirectory schools, PlanActions plans) {
        notNull(command.type(), "type");
        if (!schools.isRegistered(command.schoolUrn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.schoolUrn());
        }
        String planId = checkDetails(command.schoolUrn(), command.details(), plans);
        apply(new MonitoringActivityRecorded(command.activityId(), command.schoolUrn(), planId, command.type(),
                                             command.details()));
    }

    /** @return the new version number (the first record is version 1) */
    @CommandHandler
    public int handle(AmendMonitoringActivity command, PlanActions plans) {
        refuseIfRetracted();
        notBlank(command.reason(), "reason");
        String planId = checkDetails(schoolUrn, command.details(), plans);
        apply(new MonitoringActivityAmended(activityId, schoolUrn, planId, type, command.details(), version + 1,
                                            command.reason().strip()));
        return version;
    }

    @CommandHandler
    public void handle(RetractMonitoringActivity command) {
        refuseIfRetracted();
        notBlank(command.reason(), "reason");
        apply(new MonitoringActivityRetracted(activityId, schoolUrn, command.reason().strip()));
    }

    private void refuseIfRetracted() {
        if (retracted) {
            throw Rejection.conflict("activityId", "This monitoring record was retracted; it can no longer change");
        }
    }

    /** @return the plan the cited actions belong to: the school's plan for the year the activity happened in */
    private static String checkDetails(String schoolUrn, MonitoringDetails details, PlanActions plans) {
        notNull(details, "details");
        notNull(details.occurredOn(), "occurredOn");
        if (details.occurredOn().isAfter(LocalDate.now(SCHOOL_ZONE))) {
            throw Rejection.invalid("occurredOn", "occurredOn cannot be in the future");
        }
        notBlank(details.lead(), "lead");
        List<String> actionIds = details.actionIds() == null ? List.of() : details.actionIds();
        if (actionIds.isEmpty()) {
            return null;
        }
        String year = AcademicYear.containing(details.occurredOn());
        String planId = PlanId.of(schoolUrn, year);
        Set<String> known = plans.actionsOf(planId).orElseThrow(() -> Rejection.invalid(
                "actionIds", "The school has no improvement plan for " + year + ", when this happened"));
        List<String> unknown = actionIds.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw Rejection.invalid("actionIds", "The " + year + " plan has no action " + String.join(", ", unknown));
        }
        return planId;
    }

    @EventSourcingHandler
    void on(MonitoringActivityRecorded event) {
        activityId = event.activityId();
        schoolUrn = event.schoolUrn();
        type = event.type();
        version = 1;
    }

    @EventSourcingHandler
    void on(MonitoringActivityAmended event) {
        version = event.version();
    }

    @EventSourcingHandler
    void on(MonitoringActivityRetracted event) {
        retracted = true;
    }
}
