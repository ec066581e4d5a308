package school.evidence.platform.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.config.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import school.evidence.platform.axon.ReadModelsCaughtUp;
import school.evidence.platform.axon.TokenPositions;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

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
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(2);

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
        ReadModelsCaughtUp.await(axon.getIfAvailable(), stored.getIfAvailable(), position, WAIT);
    }
}
