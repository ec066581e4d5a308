package school.evidence.platform.web;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * When MongoDB cannot be reached, a request is answered 503 with a problem body and {@code Retry-After}, wherever the
 * failure surfaced (a controller, the access check, the idempotency store). Nothing is left half-written: a command's
 * events are appended in one insert, or not at all. The driver reconnects by itself when the database returns.
 */
public class StoreOutages extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreOutages.class);
    static final String DETAIL = "The evidence store cannot be reached just now, so this was not done. Nothing is "
            + "ever stored half-way. Try again in a few seconds.";
    /**
     * A change may have reached the database before it became unreachable (a primary stepping down after taking the
     * write): saying "not done" could make a user enter it twice.
     */
    static final String DETAIL_CHANGE = "The evidence store could not be reached to confirm this change (a database "
            + "server may be restarting or choosing a new primary), so it may or may not have been saved. Nothing is "
            + "ever stored half-way. In a few seconds, look at the record before sending it again.";

    /** What to tell the caller: a read was not done; a change's outcome is not known. */
    static String detail(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? DETAIL : DETAIL_CHANGE;
    }
    static final String RETRY_AFTER_SECONDS = "5";

    /** True when the failure (or anything that caused it) is the database being unreachable. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a majority that did not confirm in time: the write's outcome is not known
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof com.mongodb.MongoWriteConcernException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!unreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                     e.toString());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, detail(request.getMethod()));
        }
    }
}
