package school.evidence.command.monitoring;

import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;

import java.util.HashSet;
import java.util.Set;

/**
 * What an activity's events add up to. The one fold of its stream: the activity decides its commands on it, and
 * other records' checks against it ({@link MonitoringRecords}) fold the same events the same way.
 */
final class ActivityState {

    String activityId;
    String schoolUrn;
    MonitoringType type;
    int version;
    boolean retracted;
    /** the highest next-step number given, so a new step never reuses an id */
    int nextStepsIssued;
    final Set<String> stepIds = new HashSet<>();

    void apply(Object event) {
        switch (event) {
            case MonitoringActivityRecorded e -> {
                activityId = e.activityId();
                schoolUrn = e.schoolUrn();
                type = e.type();
                version = 1;
                remember(e.details());
            }
            case MonitoringActivityAmended e -> {
                version = e.version();
                remember(e.details());
            }
            case MonitoringActivityRetracted e -> retracted = true;
            default -> {
                // legal holds and shredding are the retention member's
            }
        }
    }

    private void remember(MonitoringDetails details) {
        stepIds.clear();
        for (NextStep step : details.nextSteps()) {
            stepIds.add(step.stepId());
            int n = Integer.parseInt(step.stepId().substring(step.stepId().lastIndexOf("-ns") + 3));
            nextStepsIssued = Math.max(nextStepsIssued, n);
        }
    }

    /** What other records may check against. */
    MonitoringRecords.Facts facts() {
        return new MonitoringRecords.Facts(schoolUrn, retracted, Set.copyOf(stepIds));
    }
}
