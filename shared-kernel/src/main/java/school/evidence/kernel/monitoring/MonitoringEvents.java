package school.evidence.kernel.monitoring;

import school.evidence.kernel.SchoolEvent;

public final class MonitoringEvents {
    private MonitoringEvents() {
    }

    /** {@code planId} is the plan of the academic year the activity happened in (null if it links no actions). */
    public record MonitoringActivityRecorded(String activityId, String schoolUrn, String planId, MonitoringType type,
                                             MonitoringDetails details, String fulfils) implements SchoolEvent {
        public MonitoringActivityRecorded(String activityId, String schoolUrn, String planId, MonitoringType type,
                                          MonitoringDetails details) {
            this(activityId, schoolUrn, planId, type, details, null);
        }
    }

    public record MonitoringActivityAmended(String activityId, String schoolUrn, String planId, MonitoringType type,
                                            MonitoringDetails details, int version, String reason)
            implements SchoolEvent {
    }

    public record MonitoringActivityRetracted(String activityId, String schoolUrn, String reason)
            implements SchoolEvent {
    }
}
