package school.evidence.query.ledger;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.SchoolLog;

import java.time.Clock;

/**
 * Puts every stored event into its school's Merkle log, in the order the ledger's stream delivers them, and records
 * how far every event has been seen (the lower bound of the gap-aware token), which checkpoints sign as covered.
 */
@Component
@ProcessingGroup("ledger-index")
class LedgerIndexer {

    private final SchoolLog log;
    private final Checkpoints checkpoints;

    LedgerIndexer(MongoDatabase database) {
        this.log = new SchoolLog(database);
        this.checkpoints = new Checkpoints(database, Clock.systemUTC());
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        if (message instanceof DomainEventMessage<?> domain) {
            log.add(domain.getAggregateIdentifier() + ":" + domain.getSequenceNumber());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            checkpoints.recordCovered(gapAware.hasGaps() ? gapAware.getGaps().first() - 1 : gapAware.getIndex());
        }
    }
}
