package school.evidence.command.triad;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.triad.TriadEvents.TriadFormed;

import java.util.Optional;

/** Reads the trust's own stream from the ledger, where its triads are formed. */
@Component
class LedgerTriadLookup implements TriadLookup {

    private final EventStore eventStore;

    LedgerTriadLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<TriadFacts> find(String trustId, String triadId) {
        if (trustId == null || triadId == null || trustId.isBlank()) {
            return Optional.empty();
        }
        return eventStore.readEvents(trustId).asStream()
                         .map(event -> event.getPayload() instanceof TriadFormed f && f.triadId().equals(triadId)
                                 ? f : null)
                         .filter(java.util.Objects::nonNull).findFirst()
                         .map(f -> new TriadFacts(f.trustId(), f.triadId(), f.academicYear(), f.rota()));
    }
}
