package school.evidence.command.governance;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.governance.GovernanceEvents.MeetingRecorded;

/** Reads the meeting's stream from the ledger. */
@Component
class LedgerMeetingRegister implements MeetingRegister {

    private final EventStore eventStore;

    LedgerMeetingRegister(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isMeetingOf(String meetingId, String schoolUrn) {
        return eventStore.readEvents(meetingId).asStream()
                         .anyMatch(e -> e.getPayload() instanceof MeetingRecorded m && m.schoolUrn().equals(schoolUrn));
    }
}
