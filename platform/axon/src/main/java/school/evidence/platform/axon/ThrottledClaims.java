package school.evidence.platform.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token store, renewing a processor's claim on a segment only once a fraction of the claim's timeout has passed
 * since this node last wrote it. An idle tracking processor asks to renew its claims every second (each time it has
 * waited that long for events); each renewal is a write of the store, and on the embedded store a rewrite of its
 * pages, which was most of what an idle service did. Storing a position renews the claim too. A claim is renewed at
 * least four times within its timeout, so no other node can take it from a live one.
 */
public final class ThrottledClaims implements TokenStore {

    private final TokenStore store;
    private final Duration renewEvery;
    private final Clock clock;
    /** When this node last wrote its claim on each processor's segment ("name/segment"). */
    private final Map<String, Long> renewedAt = new ConcurrentHashMap<>();

    public ThrottledClaims(TokenStore store, Duration claimTimeout, Clock clock) {
        this.store = store;
        this.renewEvery = claimTimeout.dividedBy(4);
        this.clock = clock;
    }

    @Override
    public void extendClaim(String processor, int segment) throws UnableToClaimTokenException {
        Long last = renewedAt.get(key(processor, segment));
        if (last != null && clock.millis() - last < renewEvery.toMillis()) {
            return; // renewed recently enough: the claim holds for the rest of its timeout
        }
        store.extendClaim(processor, segment);
        renewed(processor, segment);
    }

    @Override
    public void storeToken(TrackingToken token, String processor, int segment) throws UnableToClaimTokenException {
        store.storeToken(token, processor, segment);
        renewed(processor, segment);
    }

    @Override
    public TrackingToken fetchToken(String processor, int segment) throws UnableToClaimTokenException {
        TrackingToken token = store.fetchToken(processor, segment);
        renewed(processor, segment);
        return token;
    }

    @Override
    public TrackingToken fetchToken(String processor, Segment segment) throws UnableToClaimTokenException {
        TrackingToken token = store.fetchToken(processor, segment);
        renewed(processor, segment.getSegmentId());
        return token;
    }

    @Override
    public void releaseClaim(String processor, int segment) {
        renewedAt.remove(key(processor, segment));
        store.releaseClaim(processor, segment);
    }

    @Override
    public void deleteToken(String processor, int segment) throws UnableToClaimTokenException {
        renewedAt.remove(key(processor, segment));
        store.deleteToken(processor, segment);
    }

    @Override
    public void initializeTokenSegments(String processor, int segments) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processor, segments);
    }

    @Override
    public void initializeTokenSegments(String processor, int segments, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        store.initializeTokenSegments(processor, segments, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processor, int segment) {
        store.initializeSegment(token, processor, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processor) {
        return store.fetchSegments(processor);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processor) {
        return store.fetchAvailableSegments(processor);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }

    private void renewed(String processor, int segment) {
        renewedAt.put(key(processor, segment), clock.millis());
    }

    private static String key(String processor, int segment) {
        return processor + "/" + segment;
    }
}
