package school.evidence.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's writes while its processor handles a batch of events, sent to the store as one bulk write per
 * collection when the batch's last event has been handled (a catch-up was paced by one round trip per write).
 * <p>
 * They are sent from inside the handling of that last event ({@link #flushAtEndOfBatch()}), before Axon stores the
 * processor's position, so a failed bulk write fails the batch and the batch is handled again (every projection
 * write is idempotent). A handler that reads a collection first sends what is pending ({@link #flush}), so it reads
 * its own writes. Outside a processor's batch (a rebuild, a dead letter's retry, a test feeding events) each write is
 * sent at once.
 */
public final class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName();

    /** Pending writes in order, per collection, with whether a duplicate key means "already written". */
    private final Map<MongoCollection<Document>, List<Pending>> pending = new LinkedHashMap<>();

    private record Pending(WriteModel<Document> write, boolean duplicateMeansDone) {
    }

    private BatchedWrites() {
    }

    /** Sends {@code write} with the batch, or now outside one. */
    public static void add(MongoCollection<Document> collection, WriteModel<Document> write) {
        add(collection, write, false);
    }

    /** As {@link #add}, for an insert whose duplicate key means a redelivery found it already written. */
    public static void addOnce(MongoCollection<Document> collection, WriteModel<Document> insert) {
        add(collection, insert, true);
    }

    private static void add(MongoCollection<Document> collection, WriteModel<Document> write,
                            boolean duplicateMeansDone) {
        BatchedWrites batch = current();
        Pending pending = new Pending(write, duplicateMeansDone);
        if (batch == null) {
            send(collection, List.of(pending));
        } else {
            batch.pending.computeIfAbsent(collection, c -> new ArrayList<>()).add(pending);
        }
    }

    /** Sends what is pending for every collection of this batch (call before reading one of them). */
    public static void flush() {
        BatchedWrites batch = current();
        if (batch != null) {
            batch.sendAll();
        }
    }

    /** Sends the pending writes once the batch's last event has been handled; installed for every processor. */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                BatchedWrites writes = unitOfWork.root().getResource(RESOURCE);
                if (writes != null) {
                    writes.sendAll();
                }
            }
            return result;
        };
    }

    /**
     * Hands {@code events} to {@code handler} as a processor hands over one batch: in one batching unit of work,
     * through {@link #flushAtEndOfBatch()}, so the writes go to the store together at the end. Throws what the batch
     * threw. (A rebuild into a shadow replays this way.)
     */
    public static void handleAsOneBatch(EventMessageHandler handler, List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(events));
        ResultMessage<?> result = batch.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                batch, List.of(flushAtEndOfBatch()), handler::handle).proceed());
        if (result.isExceptional()) {
            throw new IllegalStateException("A batch of " + events.size() + " events failed: "
                                                    + result.exceptionResult().getMessage(), result.exceptionResult());
        }
    }

    private void sendAll() {
        for (Map.Entry<MongoCollection<Document>, List<Pending>> entry : pending.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                send(entry.getKey(), entry.getValue());
                entry.getValue().clear();
            }
        }
    }

    /** Only a processor's batch collects writes; any other unit of work (a dead letter's retry) writes at once. */
    private static BatchedWrites current() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> root)) {
            return null;
        }
        return root.getOrComputeResource(RESOURCE, key -> {
            BatchedWrites batch = new BatchedWrites();
            // normally empty by then: the interceptor sent them within the last event's handling. Were it missing
            // from a processor, the writes still go, though after the position is stored
            root.onPrepareCommit(u -> batch.sendAll());
            return batch;
        });
    }

    /** In order; an ordered bulk write stops at its first error, so after an accepted duplicate it goes on. */
    private static void send(MongoCollection<Document> collection, List<Pending> writes) {
        int from = 0;
        while (from < writes.size()) {
            List<Pending> rest = writes.subList(from, writes.size());
            try {
                collection.bulkWrite(rest.stream().map(Pending::write).toList());
                return;
            } catch (MongoBulkWriteException e) {
                BulkWriteError first = e.getWriteErrors().get(0);
                if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY
                        || !rest.get(first.getIndex()).duplicateMeansDone()) {
                    throw e;
                }
                from += first.getIndex() + 1;
            }
        }
    }
}
