package school.evidence.query.governance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A governor's challenge as the log shows it: the question, where it was asked, the leaders' answers, the follow-ups
 * and, once closed, what changed. {@code closedAt} appears once closed; {@code asOf} only on a past view.
 */
public record Challenge(String challengeId, String schoolUrn, String planId, String priorityCode, String actionId,
                        Meeting meeting, String visitActivityId, String raisedOn, String raisedBy, String question,
                        String status, List<Answer> answers, List<FollowUp> followUps, String whatChanged,
                        String recordedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String closedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    public record Answer(String answer, String answeredBy, String recordedAt) {
    }

    public record FollowUp(String followUp, String dueOn, String by, String recordedAt) {
    }

    /** The challenge as it stood at {@code at} (a recorded time, formatted as stored), shown as of {@code asOf}. */
    Challenge asItStood(String at, String asOf) {
        List<Answer> answersThen = answers.stream().filter(a -> a.recordedAt().compareTo(at) <= 0).toList();
        List<FollowUp> followUpsThen = followUps.stream().filter(f -> f.recordedAt().compareTo(at) <= 0).toList();
        boolean closed = closedAt != null && closedAt.compareTo(at) <= 0;
        String statusThen = closed ? "CLOSED" : answersThen.isEmpty() ? "OPEN" : "ANSWERED";
        return new Challenge(challengeId, schoolUrn, planId, priorityCode, actionId, meeting, visitActivityId, raisedOn,
                             raisedBy, question, statusThen, answersThen, followUpsThen, closed ? whatChanged : null,
                             recordedAt, closed ? closedAt : null, asOf);
    }
}
