package school.evidence.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.platform.axon.ClusterLeases;
import school.evidence.platform.axon.TokenPositions;
import school.evidence.query.ReadModelProcessors;
import school.evidence.query.cluster.ClusterProcessors;
import school.evidence.query.cluster.ProcessorClaims;
import school.evidence.query.cluster.ProcessorSettings;
import school.evidence.query.replay.ShadowReplay.Target;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rebuilds read models from the first event into shadow databases while the live ones keep answering, then (when
 * asked) swaps them in. Also compares a shadow with the live data document by document, which is how replay is
 * proven deterministic.
 * <p>
 * A shadow takes the events its processor has handled for it, no more: first, with the processor running, those
 * every segment had handled when the rebuild began; then, with it stopped, those each segment has handled since
 * ({@link HandledSoFar}). The swap replaces live documents by id and deletes those the rebuild does not have, so a
 * reader sees each document either as it was or as rebuilt, never an emptied read model (the embedded store has no
 * transactions), and the processor goes on from where it stopped for every read model it feeds (Axon's reset is not
 * used: it would empty all of them). Several read models rebuilt together share one read of the ledger and one stop.
 * <p>
 * With several query-side nodes, the swap is done under the processor's rebuild lease: the other nodes stop it while
 * it is held ({@link ClusterProcessors}), so its positions stand still.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** Long enough for the catch-up and the copy into the live collections; lapses if this node dies meanwhile. */
    private static final Duration SWAP_HOLD = Duration.ofMinutes(10);

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
    private final TokenPositions positions;
    private final AtomicInteger rebuilding = new AtomicInteger();

    public ProjectionRebuild(ApplicationContext context, MongoClient client, MongoDatabase live,
                             EventStorageEngine engine, Configuration axon, ClusterLeases leases,
                             ProcessorSettings settings, ProcessorClaims claims, TokenPositions positions) {
        this.context = context;
        this.client = client;
        this.live = live;
        this.engine = engine;
        this.axon = axon;
        this.leases = leases;
        this.settings = settings;
        this.claims = claims;
        this.positions = positions;
    }

    /** Whether a rebuild is under way: readiness is withheld until it has caught up and swapped in. */
    public boolean rebuilding() {
        return rebuilding.get() > 0;
    }

    /** The collections of every rebuildable projection: all of them can be made again from the ledger. */
    public Set<String> rebuildableCollections() {
        Set<String> names = new TreeSet<>();
        RebuildableProjections.of(context).values()
                              .forEach(beans -> beans.forEach(p -> names.addAll(RebuildableProjections.ownedCollections(p))));
        return names;
    }

    /** The processing groups of every rebuildable projection: the read models, each rebuilt on its own. */
    public List<String> groups() {
        return new ArrayList<>(RebuildableProjections.of(context).keySet());
    }

    /** Rebuilds into a shadow and compares it with the live collections; changes nothing live. */
    public Result compare(String group) {
        Target target = target(group);
        try {
            long events = ShadowReplay.replay(engine, List.of(target), null, Long.MAX_VALUE);
            failIfFailed(target, events);
            return new Result(group, events, ShadowCopies.counts(target.shadow),
                              ShadowCopies.differences(target.shadow, live), false);
        } finally {
            target.shadow.drop();
        }
    }

    /** Rebuilds one read model and swaps it in; a failed replay changes nothing live and is thrown. */
    public Result rebuildAndSwap(String group) {
        Result result = rebuildTogether(List.of(group)).get(0);
        if (!result.swapped()) {
            throw new IllegalStateException("Replay of " + group + " failed: " + result.differences());
        }
        return result;
    }

    /**
     * Rebuilds these read models and swaps in each whose replay succeeded (a failed one is reported, not swapped,
     * and does not hold the others back). One at a time: an operator's rebuild and the one an erasure starts must
     * not stop and restart the same processor over each other.
     */
    public synchronized List<Result> rebuildTogether(List<String> groups) {
        Map<String, List<String>> byProcessor = new LinkedHashMap<>();
        groups.forEach(g -> byProcessor.computeIfAbsent(ReadModelProcessors.of(g), p -> new ArrayList<>()).add(g));
        List<Result> results = new ArrayList<>();
        rebuilding.incrementAndGet();
        try {
            byProcessor.forEach((processor, its) -> results.addAll(rebuildAndSwap(processor, its)));
        } finally {
            rebuilding.decrementAndGet();
        }
        return results;
    }

    private List<Result> rebuildAndSwap(String name, List<String> groups) {
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                                               .eventProcessor(name, TrackingEventProcessor.class)
                                               .orElseThrow(() -> new IllegalStateException("No processor " + name));
        List<Target> targets = groups.stream().map(this::target).toList();
        try {
            HandledSoFar atStart = HandledSoFar.of(name, groups.get(0), positions, axon);
            targets.forEach(t -> t.take = atStart::coveredByEvery);
            long first = ShadowReplay.replay(engine, targets, null, atStart.everySegmentPosition()); // live answers
            String lease = ClusterProcessors.rebuildLease(name);
            if (!leases.take(lease, SWAP_HOLD)) {
                throw Rejection.conflict("group", "Another node is rebuilding " + name + " now; try again later");
            }
            processor.shutDown();
            try {
                awaitOtherNodesLetGo(name);
                for (Target target : targets) {
                    target.take = HandledSoFar.of(name, target.group, positions, axon)::covers;
                }
                long rest = ShadowReplay.replay(engine, targets, atStart.everySegment(), Long.MAX_VALUE);
                return targets.stream().map(t -> swapIn(t, first + rest)).toList();
            } finally {
                leases.release(lease);
            }
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
            targets.forEach(t -> t.shadow.drop());
        }
    }

    private Result swapIn(Target target, long events) {
        if (target.failure != null) {
            log.error("Replay of {} failed; the live read model is left as it was", target.group, target.failure);
            return new Result(target.group, events, Map.of(), List.of(String.valueOf(target.failure.getMessage())),
                              false);
        }
        Map<String, Integer> documents = new LinkedHashMap<>();
        for (Object projection : target.projections) {
            for (String collection : RebuildableProjections.ownedCollections(projection)) {
                documents.put(collection, ShadowCopies.replaceLive(target.shadow.getCollection(collection),
                                                                   live.getCollection(collection)));
            }
        }
        log.info("Projection {} rebuilt from {} events and swapped in", target.group, events);
        return new Result(target.group, events, documents, List.of(), true);
    }

    /**
     * Waits until no other node holds a segment of the processor: they let go when they see the lease, or, if one
     * has crashed, its claim lapses after the claim timeout.
     */
    private void awaitOtherNodesLetGo(String processor) {
        long deadline = System.nanoTime() + settings.coordination().multipliedBy(3)
                                                    .plus(settings.claimTimeout()).toNanos();
        while (claims.heldElsewhere(processor, leases.node(), settings.claimTimeout())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Another node still holds part of " + processor
                                                        + "; rebuild not swapped in");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for other nodes to let " + processor + " go", e);
            }
        }
    }

    private Target target(String group) {
        List<Object> projections = RebuildableProjections.of(context).get(group);
        if (projections == null) {
            throw new IllegalArgumentException("No rebuildable projection " + group + "; known: " + groups());
        }
        MongoDatabase shadow = client.getDatabase(live.getName() + "_rebuild_" + group.replace('-', '_'));
        shadow.drop();
        return new Target(group, shadow, RebuildableProjections.madeAgain(projections, shadow));
    }

    private static void failIfFailed(Target target, long events) {
        if (target.failure != null) {
            throw new IllegalStateException("Replay failed after " + events + " events", target.failure);
        }
    }
}
