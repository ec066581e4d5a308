package school.evidence.command.school;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads the ledger directly: a school is registered once its stream exists. No lock, no read model lag. */
@Component
class LedgerSchoolDirectory implements SchoolDirectory {

    private final EventStore eventStore;

    LedgerSchoolDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isRegistered(String urn) {
        return eventStore.lastSequenceNumberFor(urn).isPresent();
    }
}
