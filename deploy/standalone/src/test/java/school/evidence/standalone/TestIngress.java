package school.evidence.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the ingress of a distributed deployment: one address for the browser, {@code GET} (and {@code HEAD})
 * sent to the query side, every other method to the command side (but the query side's own writes: operations and
 * checkpoints), as the deployment guide says. Redirects are passed
 * back to the browser with the backend's address replaced by the ingress's own.
 */
final class TestIngress implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
                                                             "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String reads;
    private final String writes;

    TestIngress(String reads, String writes) throws IOException {
        this.reads = reads;
        this.writes = writes;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    String address() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The query side's own writes: operators' work on the read models and signing the ledger. */
    static boolean servedByTheQuerySide(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.startsWith("/operations/") || path.startsWith("/api/operations/")
                || path.matches("/api/schools/[^/]+/checkpoints");
    }

    private void forward(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String backend = method.equals("GET") || method.equals("HEAD") || servedByTheQuerySide(exchange) ? reads : writes;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI()))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
                String name = header.getKey();
                if (NOT_FORWARDED.contains(name.toLowerCase()) || name.startsWith(":")) {
                    continue;
                }
                for (String value : header.getValue()) {
                    exchange.getResponseHeaders().add(name, name.equalsIgnoreCase("location")
                            ? value.replace(reads, address()).replace(writes, address()) : value);
                }
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
