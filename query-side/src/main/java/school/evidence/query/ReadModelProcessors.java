package school.evidence.query;

import org.axonframework.eventhandling.TrackingToken;
import school.evidence.platform.axon.TokenPositions;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which tracking processor feeds each read model. Every rebuildable read model shares one, so each event is read
 * from the ledger and deserialized once for all of them (thirteen processors once read it thirteen times); each read
 * model stays its own processing group, with its own dead-letter queue and sequencing, and is rebuilt on its own.
 * The Merkle index (never skips an event) and the erasure follower (starts rebuilds) keep processors of their own.
 */
public final class ReadModelProcessors {

    /** The processor of every rebuildable read model. */
    public static final String SHARED = "read-models";
    /** Read models with a processor of their own, named as the read model. */
    public static final Set<String> OWN = Set.of("ledger-index", "erasures");

    private ReadModelProcessors() {
    }

    public static String of(String readModel) {
        return OWN.contains(readModel) ? readModel : SHARED;
    }

    /**
     * Where the shared processor starts on a store that had a processor per read model (before it existed): the
     * earliest position any of them had stored, so none misses an event (the others see a few again, which every
     * projection takes as a redelivery). From the first event (null) on a new store, and when any read model had
     * stored nothing (one new in this version would otherwise never see the events before).
     */
    static TrackingToken startingPoint(Collection<String> readModels, TokenPositions stored) {
        TrackingToken lowest = null;
        for (String readModel : readModels) {
            if (OWN.contains(readModel)) {
                continue;
            }
            Map<Integer, Long> segments = stored.of(readModel);
            Map<Integer, TrackingToken> tokens = stored.tokens(readModel);
            if (segments.isEmpty() || tokens.size() < segments.size()) {
                return null;
            }
            for (TrackingToken token : tokens.values()) {
                lowest = lowest == null ? token : lowest.lowerBound(token);
            }
        }
        return lowest;
    }
}
