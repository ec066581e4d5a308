package school.evidence.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;
import school.evidence.kernel.governance.GovernanceCommands.RecordMeeting;
import school.evidence.kernel.governance.GovernanceEvents.MeetingRecorded;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/** A governing board or committee meeting, where challenge is raised and answered. */
@Aggregate
public class Meeting {

    @AggregateIdentifier
    private String meetingId;

    protected Meeting() {
    }

    @CommandHandler
    public Meeting(RecordMeeting command, SchoolDirectory schools) {
        if (!schools.isRegistered(command.schoolUrn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.schoolUrn());
        }
        notNull(command.kind(), "kind");
        notNull(command.heldOn(), "heldOn");
        notBlank(command.title(), "title");
        if (command.kind() == MeetingKind.COMMITTEE) {
            notBlank(command.committee(), "committee");
        }
        apply(new MeetingRecorded(command.meetingId(), command.schoolUrn(), command.kind(),
                                  command.kind() == MeetingKind.COMMITTEE ? command.committee().strip() : null,
                                  command.heldOn(), command.title().strip()));
    }

    @EventSourcingHandler
    void on(MeetingRecorded event) {
        meetingId = event.meetingId();
    }
}
