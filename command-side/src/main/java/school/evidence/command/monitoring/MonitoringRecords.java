package school.evidence.command.monitoring;

import java.util.Optional;
import java.util.Set;

/** What other decisions need to know about a recorded monitoring activity. */
public interface MonitoringRecords {

    record Facts(String schoolUrn, boolean retracted, Set<String> nextStepIds) {
        public Facts(String schoolUrn, boolean retracted) {
            this(schoolUrn, retracted, Set.of());
        }
    }

    Optional<Facts> find(String activityId);

    /** The activity a next step id belongs to: ids look like {@code <activityId>-ns<n>}. */
    static String activityOf(String nextStepId) {
        int cut = nextStepId == null ? -1 : nextStepId.lastIndexOf("-ns");
        return cut <= 0 ? null : nextStepId.substring(0, cut);
    }
}
