package school.evidence.kernel.governance;

import school.evidence.kernel.SchoolEvent;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;

import java.time.LocalDate;

public final class GovernanceEvents {
    private GovernanceEvents() {
    }

    public record MeetingRecorded(String meetingId, String schoolUrn, MeetingKind kind, String committee,
                                  LocalDate heldOn, String title) implements SchoolEvent {
    }

    public record ChallengeRaised(String challengeId, String schoolUrn, String planId, String priorityCode,
                                  String actionId, String meetingId, String visitActivityId, LocalDate raisedOn,
                                  String raisedBy, String question) implements SchoolEvent {
    }

    public record ChallengeAnswered(String challengeId, String schoolUrn, String answeredBy, String answer)
            implements SchoolEvent {
    }

    public record ChallengeFollowedUp(String challengeId, String schoolUrn, String followUp, LocalDate dueOn)
            implements SchoolEvent {
    }

    public record ChallengeClosed(String challengeId, String schoolUrn, String whatChanged) implements SchoolEvent {
    }
}
