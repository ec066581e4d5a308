package school.evidence.query.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A monitoring activity in the school's list: its current findings, every version, whether it was retracted, and
 * whether it was recorded after the half-term it happened in had ended ({@code recordedLate}; null when the school
 * has no calendar for that year). A past view ({@code asOf}) shows it as it stood then.
 */
public record MonitoringRecord(String activityId, String schoolUrn, String planId, String type,
                               ActivityDetails current, Integer version, List<Version> versions, boolean retracted,
                               Retraction retraction, Boolean confidential, String recordedAt, String recordedBy,
                               Boolean recordedLate, @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** One version: its findings, why it was amended, when and by whom. */
    public record Version(int version, ActivityDetails details, String reason, String recordedAt, String recordedBy) {
    }

    public record Retraction(String reason, String retractedAt, String retractedBy) {
    }
}
