package school.evidence.kernel.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Governors holding leaders to account: meetings, and challenge followed through until closed. */
public final class GovernanceCommands {
    private GovernanceCommands() {
    }

    public enum MeetingKind { FULL_BOARD, COMMITTEE }

    public record RecordMeeting(@TargetAggregateIdentifier String meetingId, String schoolUrn, MeetingKind kind,
                                String committee, LocalDate heldOn, String title) {
    }

    /**
     * A governor's question, linked to a priority or an action of the school's plan, raised at a meeting or a
     * link-governor visit (a monitoring activity of type governor visit).
     */
    public record RaiseChallenge(@TargetAggregateIdentifier String challengeId, String schoolUrn, String planId,
                                 String priorityCode, String actionId, String meetingId, String visitActivityId,
                                 LocalDate raisedOn, String raisedBy, String question) {
    }

    public record AnswerChallenge(@TargetAggregateIdentifier String challengeId, String answeredBy, String answer) {
    }

    public record FollowUpChallenge(@TargetAggregateIdentifier String challengeId, String followUp, LocalDate dueOn) {
    }

    /** Closed only with what changed as a result: "the report was noted" is not challenge. */
    public record CloseChallenge(@TargetAggregateIdentifier String challengeId, String whatChanged) {
    }
}
