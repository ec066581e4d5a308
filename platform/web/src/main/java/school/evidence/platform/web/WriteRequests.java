package school.evidence.platform.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import school.evidence.platform.access.Caller;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every write ({@code POST} under {@code /api/}): a size limit on the body, and {@code Idempotency-Key}. The same key
 * with the same request replays the first reply; with a different request it is refused (422); while the first is
 * still running a duplicate gets 409, so concurrent duplicates have one effect. Keys are per caller and kept
 * {@code evidence.http.idempotency-retention} (24 h). A reply of 5xx releases the key, so the client may retry. A key
 * whose first request was cut off (process killed) stays "in progress": the outcome is unknown, so it is never run a
 * second time under that key.
 */
public class WriteRequests extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SENSIBLE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG,
                                                                 RequestIds.HEADER);

    private final MongoCollection<Document> keys;
    private final long maxBodyBytes;
    private final long maxImportBytes;

    public WriteRequests(MongoDatabase database, long maxBodyBytes, long maxImportBytes, Duration retention) {
        this.keys = database.getCollection("idempotency_keys");
        this.maxBodyBytes = maxBodyBytes;
        this.maxImportBytes = maxImportBytes;
        // a changed retention changes the index in place, never refuses to start
        school.evidence.platform.store.ExpiringIndex.ensure(database, "idempotency_keys", "createdAt", "expiry",
                                                            retention);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = request.getRequestURI().endsWith("/plan-imports") ? maxImportBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        if (body.length > 0 && !takesBodyOfType(request)) {
            ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request.getRequestURI().endsWith(
                    "/plan-imports") ? "Send the plan as text/csv or as an XLSX workbook" : "Send application/json");
            return;
        }
        HttpServletRequest buffered = new BufferedRequest(request, body);
        String key = request.getHeader(KEY_HEADER);
        if (key == null) {
            chain.doFilter(buffered, response);
            return;
        }
        if (!SENSIBLE_KEY.matcher(key).matches()) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                                   "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        String id = Caller.current().userId() + "\n" + key;
        String fingerprint = fingerprint(request, body);
        if (!claim(id, fingerprint, response)) {
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(buffered, recorded);
            completed = true;
        } finally {
            try {
                if (completed && recorded.getStatus() < 500) {
                    remember(id, recorded);
                } else {
                    keys.deleteOne(Filters.eq("_id", id));
                }
            } catch (RuntimeException e) {
                // the store is unreachable: the reply still goes out; the key stays "in progress" (never run twice)
                logger.warn("Could not record the outcome of Idempotency-Key " + key, e);
            } finally {
                recorded.copyBodyToResponse();
            }
        }
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * JSON exactly ({@code application/json}, any charset), or for a plan import CSV or XLSX. Spring would otherwise
     * read any {@code application/*+json} (merge-patch, custom types) as if it were the JSON the route takes.
     */
    private static boolean takesBodyOfType(HttpServletRequest request) {
        try {
            org.springframework.http.MediaType type = org.springframework.http.MediaType.parseMediaType(
                    request.getContentType() == null ? "" : request.getContentType());
            String base = type.getType() + "/" + type.getSubtype();
            return request.getRequestURI().endsWith("/plan-imports") ? base.equals("text/csv") || base.equals(XLSX)
                    : base.equals("application/json");
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    /** True when this request may run under the key; otherwise the reply has been written. */
    private boolean claim(String id, String fingerprint, HttpServletResponse response) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                keys.insertOne(new Document("_id", id).append("request", fingerprint).append("state", "IN_PROGRESS")
                                                      .append("createdAt", new Date()));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document first = keys.find(Filters.eq("_id", id)).first();
            if (first == null) {
                continue; // released between our insert and our read: try again
            }
            if (!fingerprint.equals(first.getString("request"))) {
                ProblemResponses.write(response, HttpStatus.UNPROCESSABLE_ENTITY,
                                       "This Idempotency-Key was already used for a different request");
                return false;
            }
            if (!"DONE".equals(first.getString("state"))) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                ProblemResponses.write(response, HttpStatus.CONFLICT,
                                       "A request with this Idempotency-Key is in progress or was interrupted; "
                                               + "check the record before sending it again with a new key");
                return false;
            }
            replay(first, response);
            return false;
        }
        throw new IllegalStateException("Idempotency-Key could not be claimed");
    }

    private void remember(String id, ContentCachingResponseWrapper reply) {
        Document headers = new Document();
        REPLAYED_HEADERS.forEach(h -> {
            if (reply.getHeader(h) != null) {
                headers.append(h, reply.getHeader(h));
            }
        });
        keys.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state", "DONE"), Updates.set("status", reply.getStatus()),
                Updates.set("contentType", reply.getContentType()), Updates.set("headers", headers),
                Updates.set("body", new Binary(reply.getContentAsByteArray()))));
    }

    private static void replay(Document first, HttpServletResponse response) throws IOException {
        response.setStatus(first.getInteger("status"));
        Document headers = first.get("headers", Document.class);
        if (headers != null) {
            headers.forEach((name, value) -> response.setHeader(name, String.valueOf(value)));
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (first.getString("contentType") != null) {
            response.setContentType(first.getString("contentType"));
        }
        Binary body = first.get("body", Binary.class);
        if (body != null) {
            response.getOutputStream().write(body.getData());
        }
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE,
                               "The request body is larger than the " + limit + " bytes this route accepts");
    }

    /** What makes two requests "the same": route, query, the headers that change the outcome, and the body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {request.getMethod(), request.getRequestURI(), request.getQueryString(),
                                             request.getContentType(), request.getHeader(HttpHeaders.IF_MATCH)}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so it can be both fingerprinted and handled. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
