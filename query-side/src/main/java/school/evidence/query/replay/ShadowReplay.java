package school.evidence.query.replay;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import school.evidence.query.BatchedWrites;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One read of the ledger replayed into the shadows of one or more read models, in batches as their processor would
 * hand them (each batch's writes go to the store together). A read model whose handler fails is left out of the rest
 * of the read and reported; the others go on.
 */
final class ShadowReplay {

    /**
     * Events per batch: ten times a processor's. No one reads a shadow while it fills, so nothing waits for a batch
     * to land, and each bulk write is a commit of the embedded store (docs/measured.md, issue 25).
     */
    private static final int BATCH = 500;

    /** A read model being rebuilt: its projections made again on its shadow, and which events it is to take. */
    static final class Target {
        final String group;
        final MongoDatabase shadow;
        final List<Object> projections;
        private final Map<AnnotationEventHandlerAdapter, List<TrackedEventMessage<?>>> batches = new LinkedHashMap<>();
        Predicate<TrackedEventMessage<?>> take = event -> true;
        RuntimeException failure;

        Target(String group, MongoDatabase shadow, List<Object> projections) {
            this.group = group;
            this.shadow = shadow;
            this.projections = projections;
            projections.forEach(p -> batches.put(new AnnotationEventHandlerAdapter(p), new ArrayList<>()));
        }

        private void add(TrackedEventMessage<?> event) {
            for (var batch : batches.entrySet()) {
                if (batch.getKey().canHandle(event)) {
                    batch.getValue().add(event);
                    if (batch.getValue().size() == BATCH) {
                        send(batch.getKey(), batch.getValue());
                    }
                }
            }
        }

        private void flush() {
            batches.forEach(this::send);
        }

        private void send(AnnotationEventHandlerAdapter adapter, List<TrackedEventMessage<?>> batch) {
            try {
                if (failure == null) {
                    BatchedWrites.handleAsOneBatch(adapter, batch);
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                batch.clear();
            }
        }
    }

    private ShadowReplay() {
    }

    /**
     * Streams the events after {@code from} up to position {@code last} and hands each target those it takes.
     * Returns how many events were read.
     */
    static long replay(EventStorageEngine engine, List<Target> targets, TrackingToken from, long last) {
        return replay(engine.readEvents(from, false), targets, last);
    }

    /** As above, from a stream of the events (all of them, or some: a school's); closes it. */
    static long replay(Stream<? extends TrackedEventMessage<?>> stream, List<Target> targets, long last) {
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = stream) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (event.trackingToken().position().orElse(0) > last) {
                    break;
                }
                count++;
                for (Target target : targets) {
                    if (target.failure == null && target.take.test(event)) {
                        target.add(event);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Replay failed after " + count + " events", e);
        }
        targets.forEach(Target::flush);
        return count;
    }
}
