package school.evidence.platform.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import school.evidence.platform.axon.TokenPositions;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.List;
import java.util.Map;

/**
 * After a form is posted, the page it leads to shows the change: the form's handler passes on the ledger position its
 * command stored ({@link Forms#afterWrite}), and the next page waits, up to two seconds, until every read model has handled the
 * ledger that far. On a node with no read models (the command side alone) there is nothing to wait for. When other
 * query-side nodes hold part of a read model's work, their segments' stored positions are waited for too.
 */
class ReadYourWrites implements HandlerInterceptor {

    /** The flash attribute a form's handler sets to the position its write stored. */
    static final String SEEN = "seenPosition";
    private static final long WAIT_MILLIS = 2_000;

    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<TokenPositions> stored;

    ReadYourWrites(ObjectProvider<Configuration> axon, ObjectProvider<TokenPositions> stored) {
        this.axon = axon;
        this.stored = stored;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null && flash.get(SEEN) instanceof Number position) {
            await(position.longValue());
        }
        return true;
    }

    private void await(long position) throws InterruptedException {
        Configuration config = axon.getIfAvailable();
        if (config == null) {
            return;
        }
        List<TrackingEventProcessor> processors = config.eventProcessingConfiguration().eventProcessors().values()
                .stream().filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                .toList();
        TokenPositions positions = stored.getIfAvailable();
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!processors.stream().allMatch(p -> reached(p, position, positions))
               && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
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
