package school.evidence.query.replay;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import school.evidence.platform.axon.TokenPositions;

import java.util.Map;
import java.util.Objects;

/**
 * Which events a processor has handled for one read model, as its segments' stored positions say: an event counts
 * when the segment that takes it (by the read model's own sequencing, as Axon chooses) has passed it. A rebuild
 * gives its shadow exactly these events, so the processor, going on from its positions, neither repeats nor skips one.
 */
final class HandledSoFar {

    private final Map<Integer, TrackingToken> tokens;
    private final Segment[] segments;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final TrackingToken everySegment;

    private HandledSoFar(Map<Integer, TrackingToken> tokens, Segment[] segments,
                         SequencingPolicy<? super EventMessage<?>> sequencing) {
        this.tokens = tokens;
        this.segments = segments;
        this.sequencing = sequencing;
        TrackingToken lowest = null;
        boolean all = segments.length > 0 && tokens.size() == segments.length;
        if (all) {
            for (TrackingToken token : tokens.values()) {
                lowest = lowest == null ? token : lowest.lowerBound(token);
            }
        }
        this.everySegment = lowest;
    }

    static HandledSoFar of(String processor, String readModel, TokenPositions stored, Configuration axon) {
        int[] ids = stored.of(processor).keySet().stream().mapToInt(Integer::intValue).toArray();
        Segment[] segments = new Segment[ids.length];
        for (int i = 0; i < ids.length; i++) {
            segments[i] = Segment.computeSegment(ids[i], ids);
        }
        return new HandledSoFar(stored.tokens(processor), segments,
                                axon.eventProcessingConfiguration().sequencingPolicy(readModel));
    }

    /** Where every segment has got (null: some segment has handled nothing yet). */
    TrackingToken everySegment() {
        return everySegment;
    }

    /** The last position every segment has passed (-1: none). */
    long everySegmentPosition() {
        return everySegment == null ? -1 : everySegment.position().orElse(-1);
    }

    boolean coveredByEvery(TrackedEventMessage<?> event) {
        return everySegment != null && everySegment.covers(event.trackingToken());
    }

    /** Whether the segment that takes {@code event} for this read model has passed it. */
    boolean covers(TrackedEventMessage<?> event) {
        Object sequence = sequencing.getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequence != null ? sequence : event.getIdentifier());
        for (Segment segment : segments) {
            if (segment.matches(hash)) {
                TrackingToken token = tokens.get(segment.getSegmentId());
                return token != null && token.covers(event.trackingToken());
            }
        }
        return false;
    }
}
