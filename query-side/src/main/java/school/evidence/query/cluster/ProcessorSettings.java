package school.evidence.query.cluster;

import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How the read models' work is shared between query-side nodes.
 *
 * @param segments     how many parts the read models' work splits into (at least the number of query-side nodes
 *                     that should share it; 1 on a single node). Fixed when the read models' processor first starts
 *                     on a store (docs/operating.md says how to change it).
 * @param claimInterval how often a node with a free thread looks for a segment no node holds
 * @param claimTimeout  how long a claim its node has not renewed holds (after a crash, the others wait this long)
 * @param coordination  how often a node says it is alive, gives up segments beyond its share and looks for
 *                      another node's rebuild
 */
@Component
public record ProcessorSettings(@Value("${evidence.processors.segments:1}") int segments,
                                @Value("${evidence.processors.claim-interval:PT5S}") Duration claimInterval,
                                @Value("${evidence.processors.claim-timeout:PT10S}") Duration claimTimeout,
                                @Value("${evidence.processors.coordination-interval:PT2S}") Duration coordination) {

    public ProcessorSettings {
        if (segments < 1 || segments > 64) {
            throw new IllegalArgumentException("evidence.processors.segments must be 1 to 64, not " + segments);
        }
        if (Stream.of(claimInterval, claimTimeout, coordination).anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(
                    "evidence.processors.claim-interval, claim-timeout and coordination-interval must be positive");
        }
    }

    /** A tracking processor taking up to {@code threads} segments on this node. */
    public TrackingEventProcessorConfiguration tracking(int threads) {
        return (threads == 1 ? TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                : TrackingEventProcessorConfiguration.forParallelProcessing(threads))
                .andInitialSegmentsCount(threads)
                .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
