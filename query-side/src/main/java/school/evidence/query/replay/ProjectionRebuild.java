package school.evidence.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import school.evidence.kernel.Rejection;
import school.evidence.platform.axon.ClusterLeases;
import school.evidence.query.BatchedWrites;
import school.evidence.query.ProjectionConfiguration;
import school.evidence.query.cluster.ClusterProcessors;
import school.evidence.query.cluster.ProcessorClaims;
import school.evidence.query.cluster.ProcessorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;


/**
 * Rebuilds a projection from the first event into a shadow database while the live one keeps answering, then
 * (when asked) swaps it in: the live processor pauses, the shadow catches up to the head, its collections replace
 * the live ones document by document and the processor resumes from where the shadow stopped. Also compares a shadow with the live
 * data document by document, which is how replay is proven deterministic.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** The ledger's Merkle index assigns permanent positions; it is never rebuilt. */
    private static final List<String> NOT_REBUILT = List.of("ledger-index", "erasures");
    private static final int REPLAY_BATCH = 50;
    /** Long enough for the catch-up and the copy into the live collections; lapses if this node dies meanwhile. */
    private static final java.time.Duration SWAP_HOLD = java.time.Duration.ofMinutes(10);

    public record Result(String group, long events, Map<String, Integer> documents, List<String> differences,
                         boolean swapped) {
    }

    private final ApplicationContext context;
    private final MongoClient client;
    private final MongoDatabase live;
    private final EventStorageEngine engine;
    private final Configuration axon;
    private final ClusterLeases leases;
    private final ProcessorSettings settings;
    private final ProcessorClaims claims;
    private final java.util.concurrent.atomic.AtomicInteger rebuilding = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether a rebuild is under way: readiness is withheld until it has caught up and swapped in. */
    public boolean rebuilding() {
        return rebuilding.get() > 0;
    }

    public ProjectionRebuild(ApplicationContext context, MongoClient client, MongoDatabase live,
                             EventStorageEngine engine, Configuration axon, ClusterLeases leases,
                             ProcessorSettings settings, ProcessorClaims claims) {
        this.leases = leases;
        this.settings = settings;
        this.claims = claims;
        this.context = context;
        this.client = client;
        this.live = live;
        this.engine = engine;
        this.axon = axon;
    }

    /** The collections of every rebuildable projection: all of them can be made again from the ledger. */
    public Set<String> rebuildableCollections() {
        Set<String> names = new java.util.TreeSet<>();
        projections().values().forEach(projection -> names.addAll(ownedCollections(projection)));
        return names;
    }

    /** The processing groups of every rebuildable projection. */
    public List<String> groups() {
        return new ArrayList<>(projections().keySet());
    }

    /** Rebuilds into a shadow and compares it with the live collections; changes nothing live. */
    public Result compare(String group) {
        Object projection = projection(group);
        MongoDatabase shadow = shadow(group);
        try {
            long events = replay(newInstance(projection, shadow), null).events();
            return new Result(group, events, ShadowCopies.counts(shadow), ShadowCopies.differences(shadow, live),
                              false);
        } finally {
            shadow.drop();
        }
    }

    /**
     * Rebuilds into a shadow, then swaps it in for the live projection. One at a time: an operator's rebuild and the
     * one an erasure starts must not pause, reset and restart the same processor over each other.
     * <p>
     * The swap replaces live documents by id and then deletes those the rebuild does not have, so a reader sees each
     * document either as it was or as rebuilt, never an emptied read model (the embedded store has no transactions).
     * The processor's position is then set to where the rebuild stopped; Axon's reset is not used, because its reset
     * handler would empty the live collections first.
     * <p>
     * With several query-side nodes, the swap is done under the read model's rebuild lease: the other nodes stop its
     * processor while it is held ({@link ClusterProcessors}), so this node can set every segment's position.
     */
    public synchronized Result rebuildAndSwap(String group) {
        Object projection = projection(group);
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                                               .eventProcessor(group, TrackingEventProcessor.class)
                                               .orElseThrow(() -> new IllegalStateException("No processor " + group));
        MongoDatabase shadow = shadow(group);
        rebuilding.incrementAndGet();
        try {
            Object rebuilt = newInstance(projection, shadow);
            Replayed first = replay(rebuilt, null);               // live keeps answering meanwhile
            String lease = ClusterProcessors.rebuildLease(group);
            if (!leases.take(lease, SWAP_HOLD)) {
                throw Rejection.conflict("group", "Another node is rebuilding " + group + " now; try again later");
            }
            processor.shutDown();
            try {
                awaitOtherNodesLetGo(group);
                return swapIn(group, processor, rebuilt, shadow, first);
            } finally {
                leases.release(lease);
            }
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
            shadow.drop();
            rebuilding.decrementAndGet();
        }
    }

    private Result swapIn(String group, TrackingEventProcessor processor, Object rebuilt, MongoDatabase shadow,
                          Replayed first) {
        Replayed rest = replay(rebuilt, first.lastToken());   // catch up to the head
        TrackingToken head = rest.lastToken() != null ? rest.lastToken() : first.lastToken();
        Map<String, Integer> documents = new LinkedHashMap<>();
        for (String name : ownedCollections(rebuilt)) {
            documents.put(name, ShadowCopies.replaceLive(shadow.getCollection(name), live.getCollection(name)));
        }
        if (head != null) {
            moveTo(group, head);
        }
        processor.start();
        log.info("Projection {} rebuilt from {} events and swapped in", group, first.events() + rest.events());
        return new Result(group, first.events() + rest.events(), documents, List.of(), true);
    }

    /**
     * Waits until no other node holds a segment of the group: they let go when they see the lease, or, if one has
     * crashed, its claim lapses after the claim timeout.
     */
    private void awaitOtherNodesLetGo(String group) {
        long deadline = System.nanoTime() + settings.coordination().multipliedBy(3)
                                                    .plus(settings.claimTimeout()).toNanos();
        while (claims.heldElsewhere(group, leases.node(), settings.claimTimeout())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Another node still holds part of " + group + "; rebuild not swapped in");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for other nodes to let " + group + " go", e);
            }
        }
    }

    /**
     * Sets every segment of the stopped processor to {@code head}, where the rebuilt data stops, split into as many
     * segments as are set now ({@code evidence.processors.segments}).
     */
    private void moveTo(String group, TrackingToken head) {
        TokenStore tokens = axon.eventProcessingConfiguration().tokenStore(group);
        int[] segments = tokens.fetchSegments(group);
        int wanted = ProjectionConfiguration.ONE_SEGMENT.contains(group) ? 1 : settings.segments();
        for (int segment : segments) {
            TrackingToken current = tokens.fetchToken(group, segment); // claims it for this node
            if (segments.length != wanted) {
                tokens.deleteToken(group, segment);
            } else {
                if (!head.equals(current)) {
                    tokens.storeToken(head, group, segment);
                }
                tokens.releaseClaim(group, segment);
            }
        }
        if (segments.length != wanted) {
            tokens.initializeTokenSegments(group, wanted, head);
        }
    }

    /** The collections a projection writes: its {@code MongoCollection} fields. */
    private static List<String> ownedCollections(Object projection) {
        List<String> names = new ArrayList<>();
        for (Class<?> type = projection.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (MongoCollection.class.isAssignableFrom(field.getType())
                        && !Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        names.add(((MongoCollection<?>) field.get(projection)).getNamespace().getCollectionName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    private record Replayed(long events, TrackingToken lastToken) {
    }

    private Replayed replay(Object projection, TrackingToken from) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        long count = 0;
        TrackingToken last = from;
        // in batches, as its processor would: each batch's writes go to the store together
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (adapter.canHandle(event)) {
                    batch.add(event);
                    if (batch.size() == REPLAY_BATCH) {
                        BatchedWrites.handleAsOneBatch(adapter, batch);
                        batch.clear();
                    }
                }
                last = event.trackingToken();
                count++;
            }
            BatchedWrites.handleAsOneBatch(adapter, batch);
        } catch (Exception e) {
            throw new IllegalStateException("Replay failed after " + count + " events", e);
        }
        return new Replayed(count, last);
    }

    private MongoDatabase shadow(String group) {
        MongoDatabase shadow = client.getDatabase(live.getName() + "_rebuild_" + group.replace('-', '_'));
        shadow.drop();
        return shadow;
    }

    private Map<String, Object> projections() {
        Map<String, Object> byGroup = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(bean.getClass(), ProcessingGroup.class);
            if (group != null && !NOT_REBUILT.contains(group.value())) {
                byGroup.put(group.value(), bean);
            }
        }
        return byGroup;
    }

    private Object projection(String group) {
        Object projection = projections().get(group);
        if (projection == null) {
            throw new IllegalArgumentException("No rebuildable projection " + group + "; known: " + groups());
        }
        return projection;
    }

    private static Object newInstance(Object projection, MongoDatabase database) {
        try {
            var constructor = projection.getClass().getDeclaredConstructor(MongoDatabase.class);
            constructor.setAccessible(true);
            return constructor.newInstance(database);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A projection is built from a MongoDatabase alone: "
                                                    + projection.getClass().getName(), e);
        }
    }
}
