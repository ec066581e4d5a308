package school.evidence.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits, up to a bound, until every processor of this node has handled the ledger up to a position: what a write's
 * next read waits for to show the write (a page after its form; an erasure's reply). On a node with no processors
 * (the command side alone) there is nothing to wait for. When other query-side nodes hold part of a processor's work,
 * their segments' stored positions are waited for too.
 */
public final class ReadModelsCaughtUp {

    private ReadModelsCaughtUp() {
    }

    /** True once every processor got there (or none runs here); false if the bound passed first. */
    public static boolean await(Configuration axon, TokenPositions positions, long position, Duration bound)
            throws InterruptedException {
        if (axon == null) {
            return true;
        }
        List<TrackingEventProcessor> processors = axon.eventProcessingConfiguration().eventProcessors().values()
                .stream().filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .toList();
        long deadline = System.nanoTime() + bound.toNanos();
        while (!processors.stream().allMatch(p -> reached(p, position, positions))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static boolean reached(TrackingEventProcessor processor, long position, TokenPositions positions) {
        if (!processor.isRunning()) {
            return true; // a stopped projection (being rebuilt) is not waited for
        }
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        if (!here.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= position)) {
            return false;
        }
        if (positions == null) {
            return !here.isEmpty();
        }
        // the segments held elsewhere, as their nodes last stored them (read once this node's own have got there)
        Map<Integer, Long> all = positions.of(processor.getName());
        return !(here.isEmpty() && all.isEmpty()) && all.entrySet().stream()
                .allMatch(e -> here.containsKey(e.getKey()) || e.getValue() >= position);
    }
}
