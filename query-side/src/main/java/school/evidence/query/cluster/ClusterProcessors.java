package school.evidence.query.cluster;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import school.evidence.platform.axon.ClusterLeases;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What each query-side node does every few seconds so that several share the read models' work: says it is alive;
 * gives up the segments it holds beyond its share (the segments over the live nodes, rounded up), which another
 * node then claims; and stops a read model's processor while another node swaps a rebuild of it in (the rebuild's
 * lease), starting it again once that is done. A node that is the only one, or has one segment, only does the last.
 */
@Component
public class ClusterProcessors {

    /** The lease a node holds while it swaps a rebuilt read model in; the others leave that read model alone. */
    public static String rebuildLease(String group) {
        return "rebuild:" + group;
    }

    private static final Logger log = LoggerFactory.getLogger(ClusterProcessors.class);

    private final Configuration axon;
    private final ClusterLeases leases;
    private final ProcessorSettings settings;
    private final QueryNodes nodes;
    private final ProcessorClaims claims;
    private final Set<String> pausedForRebuild = new HashSet<>();

    ClusterProcessors(Configuration axon, ClusterLeases leases, ProcessorSettings settings, MongoDatabase database,
                      ProcessorClaims claims) {
        this.axon = axon;
        this.leases = leases;
        this.settings = settings;
        this.nodes = new QueryNodes(database, leases, Clock.systemUTC());
        this.claims = claims;
    }

    @Scheduled(initialDelayString = "${evidence.processors.coordination-interval:PT2S}",
               fixedDelayString = "${evidence.processors.coordination-interval:PT2S}")
    public synchronized void coordinate() {
        try {
            coordinateNow();
        } catch (MongoException e) {
            log.warn("Could not reach the store to share the read models' work; trying again: {}", e.getMessage());
        }
    }

    private void coordinateNow() {
        Map<String, TrackingEventProcessor> processors = processors();
        Set<String> elsewhere = new TreeSet<>();
        leases.heldByOthers(processors.keySet().stream().map(ClusterProcessors::rebuildLease).toList())
              .forEach(lease -> elsewhere.add(lease.substring("rebuild:".length())));
        int live = settings.segments() > 1 ? alive() : 1;
        processors.forEach((name, processor) -> {
            if (elsewhere.contains(name)) {
                if (processor.isRunning()) {
                    log.info("Another node is swapping a rebuild of {} in: stopping it here meanwhile", name);
                    processor.shutDown(); // lets its claims go
                    pausedForRebuild.add(name);
                }
            } else if (pausedForRebuild.remove(name)) {
                processor.start();
            } else if (live > 1 && processor.isRunning()) {
                keepToShare(name, processor, live);
            }
        });
    }

    private int alive() {
        nodes.alive();
        return nodes.count(settings.coordination().multipliedBy(3));
    }

    /** Gives up segments beyond this node's share for a while, long enough for another node to claim them. */
    private void keepToShare(String name, TrackingEventProcessor processor, int live) {
        int segments = claims.of(name).size();
        int share = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        long away = settings.claimInterval().multipliedBy(2).plus(settings.coordination()).toMillis();
        for (int segment : held.subList(Math.min(share, held.size()), held.size())) {
            log.info("Giving up segment {} of {} to share it with {} other nodes", segment, name, live - 1);
            processor.releaseSegment(segment, away, TimeUnit.MILLISECONDS);
        }
    }

    private Map<String, TrackingEventProcessor> processors() {
        Map<String, TrackingEventProcessor> tracking = new java.util.TreeMap<>();
        axon.eventProcessingConfiguration().eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor t) {
                tracking.put(name, t);
            }
        });
        return tracking;
    }

    @PreDestroy
    void gone() {
        nodes.gone();
    }
}
