package school.evidence.query.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An agreed next step and what later monitoring found when it checked it. A confidential step one may not read keeps
 * its dates and status only ({@code restricted} says why).
 */
public record NextStepView(String stepId, String schoolUrn, String activityId, String agreedOn, String status,
                           List<Check> checks, String text, String owner, String dueOn, boolean confidential,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String lastOutcome,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String restricted) {

    public record Check(String activityId, String eventId, String checkedOn, String outcome, String impact,
                        String recordedAt) {
    }
}
