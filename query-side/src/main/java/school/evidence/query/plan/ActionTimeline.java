package school.evidence.query.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import school.evidence.query.monitoring.ActivityDetails;

import java.util.List;

/**
 * One action's evidence and judgements in the order they were recorded. In a half-term review's own view only
 * {@code actionId} and the entries about that half-term are given; {@code asOf} appears on a past view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionTimeline(String actionId, String planId, String schoolUrn, String number, String title,
                             String openedAt, List<Entry> entries, String asOf) {

    /**
     * One entry. {@code kind} says which fields it has: {@code MONITORING_RECORDED}/{@code MONITORING_AMENDED}
     * (the activity, its type, version and findings; an amendment's reason and whether it still cites this action),
     * {@code MONITORING_RETRACTED} (activity, reason), {@code RAG_JUDGED}/{@code CRITERION_RAG_JUDGED} (half-term,
     * status, rationale, evidence, who judged).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String eventId, String kind, String recordedAt, String recordedBy, String activityId,
                        String type, Integer version, String reason, Boolean stillCitesThisAction,
                        ActivityDetails details, String criterionId, String halfTerm, String status,
                        String rationale, List<String> evidence, String judgedBy) {
    }
}
