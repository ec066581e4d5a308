package school.evidence.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.plan.PlanLookup;
import school.evidence.command.retention.RecordRetention;
import school.evidence.command.retention.RetainedRecord;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.governance.GovernanceCommands.AnswerChallenge;
import school.evidence.kernel.governance.GovernanceCommands.CloseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.FollowUpChallenge;
import school.evidence.kernel.governance.GovernanceCommands.RaiseChallenge;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeAnswered;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeClosed;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeFollowedUp;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;

import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * A governor's challenge, followed through: the question, the leader's answer, follow-ups, and what changed when
 * it was closed.
 */
@Aggregate
public class Challenge implements RetainedRecord {

    private static final Set<String> NOT_CHALLENGE = Set.of("noted", "the report was noted", "report noted", "n/a",
                                                            "none", "nothing");

    @AggregateIdentifier
    private String challengeId;
    private String schoolUrn;
    private boolean answered;
    private boolean closed;
    @AggregateMember
    private final RecordRetention retention = new RecordRetention();

    protected Challenge() {
    }

    @CommandHandler
    public Challenge(RaiseChallenge command, PlanLookup plans, MeetingRegister meetings,
                     MonitoringRecords monitoring) {
        notBlank(command.raisedBy(), "raisedBy");
        notNull(command.raisedOn(), "raisedOn");
        notBlank(command.question(), "question");
        refuseNonChallenge(command.question(), "question");
        PlanLookup.PlanFacts plan = plans.find(command.planId())
                .filter(p -> p.schoolUrn().equals(command.schoolUrn()))
                .orElseThrow(() -> Rejection.invalid("planId", "This school has no plan " + command.planId()));
        if (command.priorityCode() == null && command.actionId() == null) {
            throw Rejection.invalid("priorityCode", "Link the challenge to a priority or an action of the plan");
        }
        if (command.priorityCode() != null && !plan.priorities().contains(command.priorityCode())) {
            throw Rejection.invalid("priorityCode", "The plan has no priority " + command.priorityCode());
        }
        if (command.actionId() != null && !plan.liveActionIds().contains(command.actionId())) {
            throw Rejection.invalid("actionId", "The plan has no action " + command.actionId());
        }
        if (command.meetingId() == null && command.visitActivityId() == null) {
            throw Rejection.invalid("meetingId", "Say which meeting or governor visit the challenge was raised at");
        }
        if (command.meetingId() != null && !meetings.isMeetingOf(command.meetingId(), command.schoolUrn())) {
            throw Rejection.invalid("meetingId", "No meeting " + command.meetingId() + " of this school");
        }
        if (command.visitActivityId() != null && monitoring.find(command.visitActivityId())
                .filter(f -> f.schoolUrn().equals(command.schoolUrn()) && !f.retracted()).isEmpty()) {
            throw Rejection.invalid("visitActivityId", "No governor visit " + command.visitActivityId()
                    + " of this school");
        }
        apply(new ChallengeRaised(command.challengeId(), command.schoolUrn(), command.planId(),
                                  command.priorityCode(), command.actionId(), command.meetingId(),
                                  command.visitActivityId(), command.raisedOn(), command.raisedBy().strip(),
                                  command.question().strip()));
    }

    @CommandHandler
    public void handle(AnswerChallenge command) {
        refuseIfClosed();
        notBlank(command.answer(), "answer");
        refuseNonChallenge(command.answer(), "answer");
        apply(new ChallengeAnswered(challengeId, schoolUrn, command.answeredBy(), command.answer().strip()));
    }

    @CommandHandler
    public void handle(FollowUpChallenge command) {
        refuseIfClosed();
        if (!answered) {
            throw Rejection.conflict("challengeId", "Record the leader's answer before following it up");
        }
        notBlank(command.followUp(), "followUp");
        apply(new ChallengeFollowedUp(challengeId, schoolUrn, command.followUp().strip(), command.dueOn()));
    }

    @CommandHandler
    public void handle(CloseChallenge command) {
        refuseIfClosed();
        if (!answered) {
            throw Rejection.conflict("challengeId", "A challenge is closed only once it has been answered");
        }
        notBlank(command.whatChanged(), "whatChanged");
        refuseNonChallenge(command.whatChanged(), "whatChanged");
        apply(new ChallengeClosed(challengeId, schoolUrn, command.whatChanged().strip()));
    }

    private void refuseIfClosed() {
        retention.refuseIfShredded();
        if (closed) {
            throw Rejection.conflict("challengeId", "The challenge is closed");
        }
    }

    @Override
    public String recordId() {
        return challengeId;
    }

    @Override
    public String schoolUrn() {
        return schoolUrn;
    }

    @Override
    public RecordRetention retention() {
        return retention;
    }

    private static void refuseNonChallenge(String text, String field) {
        String normal = text.strip().toLowerCase().replaceAll("[.!]+$", "");
        if (NOT_CHALLENGE.contains(normal)) {
            throw Rejection.invalid(field, "\"" + text.strip() + "\" does not record challenge: say what was asked, "
                    + "answered or changed");
        }
    }

    @EventSourcingHandler
    void on(ChallengeRaised event) {
        challengeId = event.challengeId();
        schoolUrn = event.schoolUrn();
    }

    @EventSourcingHandler
    void on(ChallengeAnswered event) {
        answered = true;
    }

    @EventSourcingHandler
    void on(ChallengeClosed event) {
        closed = true;
    }
}
