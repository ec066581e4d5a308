package school.evidence.kernel.monitoring;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class MonitoringCommands {
    private MonitoringCommands() {
    }

    /** @param fulfils the planned monitoring (schedule item) this activity carries out, or null */
    public record RecordMonitoringActivity(@TargetAggregateIdentifier String activityId, String schoolUrn,
                                           MonitoringType type, MonitoringDetails details, String fulfils) {
        public RecordMonitoringActivity(String activityId, String schoolUrn, MonitoringType type,
                                        MonitoringDetails details) {
            this(activityId, schoolUrn, type, details, null);
        }
    }

    /** Replaces the details; the reason is kept with the new version. */
    public record AmendMonitoringActivity(@TargetAggregateIdentifier String activityId, MonitoringDetails details,
                                          String reason) {
    }

    /** Withdraws the record from evidence; it stays in the ledger, marked retracted. */
    public record RetractMonitoringActivity(@TargetAggregateIdentifier String activityId, String reason) {
    }
}
