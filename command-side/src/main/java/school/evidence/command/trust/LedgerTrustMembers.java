package school.evidence.command.trust;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the trust's own stream from the ledger: consistent, and without locking the trust. */
@Component
class LedgerTrustMembers implements TrustMembers {

    private final EventStore eventStore;

    LedgerTrustMembers(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Set<String>> of(String trustId) {
        Set<String> schools = new HashSet<>();
        boolean[] registered = {false};
        eventStore.readEvents(trustId).asStream().forEach(event -> {
            if (event.getPayload() instanceof TrustRegistered) {
                registered[0] = true;
            } else if (event.getPayload() instanceof SchoolJoinedTrust joined) {
                schools.add(joined.schoolUrn());
            }
        });
        return registered[0] ? Optional.of(Set.copyOf(schools)) : Optional.empty();
    }
}
