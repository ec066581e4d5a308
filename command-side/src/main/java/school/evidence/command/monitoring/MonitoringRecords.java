package school.evidence.command.monitoring;

import java.util.Optional;

/** What a RAG judgement needs to know about the monitoring it cites. */
public interface MonitoringRecords {

    record Facts(String schoolUrn, boolean retracted) {
    }

    Optional<Facts> find(String activityId);
}
