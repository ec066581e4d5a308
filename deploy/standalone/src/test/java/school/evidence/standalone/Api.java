package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** A plain HTTP client for driving the service the way curl would. */
final class Api {

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String auth;

    Api(String base, String user) {
        this(base, user, "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    private Api(String base, String ignoredUser, String authorization) {
        this.base = base;
        this.auth = authorization;
    }

    /** Signs in with a bearer token, as a client of a real identity provider would. */
    static Api withToken(String base, String token) {
        return new Api(base, null, "Bearer " + token);
    }

    /** Where the service answers. */
    String base() {
        return base;
    }

    /** The Authorization header this client sends. */
    String authorization() {
        return auth;
    }

    Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                                                 .header("Authorization", auth);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build());
    }

    Reply sendAnonymously(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        request.header("Content-Type", "application/json").method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    Api as(String user) {
        return new Api(base, user);
    }

    Reply post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                                                 .timeout(Duration.ofSeconds(30))
                                                 .header("Authorization", auth)
                                                 .header("Content-Type", "application/json")
                                                 .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Posts a value written as JSON; maps and lists make readable request bodies in tests. */
    Reply postJson(String path, Object body, String... headers) {
        try {
            return post(path, JSON.writeValueAsString(body), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Reply postBytes(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                               .header("Authorization", auth).header("Content-Type", contentType)
                               .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                               .header("Authorization", auth).GET().build());
    }

    Reply getAnonymously(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Polls a read until it shows what is expected: projections follow the ledger asynchronously. */
    Reply await(String path, Predicate<Reply> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Reply reply = get(path);
        while (!condition.test(reply) && System.nanoTime() < deadline) {
            sleep(20);
            reply = get(path);
        }
        return reply;
    }

    /** Repeats a body-less POST until it is accepted (e.g. a checkpoint once the ledger indexer has caught up). */
    Reply awaitPost(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Reply reply = post(path, "{}");
        while (reply.status() / 100 != 2 && System.nanoTime() < deadline) {
            sleep(50);
            reply = post(path, "{}");
        }
        return reply;
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            String trimmed = body == null ? "" : body.strip();
            // only JSON bodies are parsed; others (Prometheus text, HTML) are read from raw()
            JsonNode json = trimmed.startsWith("{") || trimmed.startsWith("[") ? JSON.readTree(body) : JSON.nullNode();
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
