package school.evidence.query.ledger;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.Receipt;
import school.evidence.ledger.merkle.SchoolLog;
import school.evidence.platform.proof.SigningKey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts every stored event into its school's Merkle log, in the order the ledger's stream delivers them, and records
 * how far every event has been seen (the lower bound of the gap-aware token), which checkpoints sign as covered.
 * <p>
 * The processor hands events over in batches; they are added to the logs together when the batch's last event is
 * handled (a few round trips per batch instead of eight per event, which made this index the slowest part of a
 * catch-up). That is still inside the batch's handling, before Axon stores the processor's position: if adding fails
 * the whole batch is handled again, and adding is idempotent.
 */
@Component
@ProcessingGroup("ledger-index")
class LedgerIndexer {

    private static final String PENDING = LedgerIndexer.class.getName() + ".pending";

    private final SchoolLog log;
    private final Checkpoints checkpoints;

    LedgerIndexer(MongoDatabase database, SigningKey key) {
        // each leaf keeps its event's receipt: the same signature the write's reply carried
        this.log = new SchoolLog(database, event -> Receipt.of(event, key.keyId(), key.signing()));
        this.checkpoints = new Checkpoints(database, Clock.systemUTC());
    }

    /** Every event (its payload is never read, so never deserialized: a catch-up's index costs no JSON parsing). */
    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        Pending pending = pending();
        if (message instanceof DomainEventMessage<?> domain) {
            pending.eventKeys.add(LedgerReader.eventKey(domain.getAggregateIdentifier(), domain.getSequenceNumber()));
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            pending.covered = gapAware.hasGaps() ? gapAware.getGaps().first() - 1 : gapAware.getIndex();
        }
        if (lastOfItsBatch()) {
            add(pending);
        }
    }

    private void add(Pending pending) {
        log.addAll(pending.eventKeys);
        if (pending.covered != null) {
            checkpoints.recordCovered(pending.covered); // only once the events it covers are in the logs
        }
        pending.eventKeys.clear();
        pending.covered = null;
    }

    private static final class Pending {
        final List<String> eventKeys = new ArrayList<>();
        Long covered;
    }

    /** The batch's events not yet added; outside a processor's batch (a test feeding events), a fresh one each. */
    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Pending();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            // never needed while every event of a batch reaches this handler; if one ever did not, its events
            // would otherwise be dropped with the batch
            batch.onPrepareCommit(u -> {
                if (!pending.eventKeys.isEmpty() || pending.covered != null) {
                    add(pending);
                }
            });
            return pending;
        });
    }

    private static boolean lastOfItsBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return true;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
    }
}
