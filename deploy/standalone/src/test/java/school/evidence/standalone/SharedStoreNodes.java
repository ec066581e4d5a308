package school.evidence.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Several nodes of the service, each its own Spring application, on one MongoDB server listening on a port (the
 * in-process server), as Compose and Kubernetes run them on a replica set. Closing it stops every node still running,
 * then the server.
 */
final class SharedStoreNodes implements AutoCloseable {

    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    final String uri;
    final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    SharedStoreNodes() {
        InetSocketAddress address = mongo.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort() + "/evidence";
    }

    /** Starts {@code count} nodes of the application on the store, each on a free port, with these arguments. */
    SharedStoreNodes start(Class<?> application, int count, String... args) {
        for (int i = 0; i < count; i++) {
            nodes.add(new SpringApplicationBuilder(application).run(Stream.concat(
                    Stream.of("--server.port=0", "--spring.data.mongodb.uri=" + uri), Stream.of(args))
                                                                          .toArray(String[]::new)));
        }
        return this;
    }

    /** The node's address, for a client of its API. */
    String base(int node) {
        return "http://localhost:" + ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
    }

    @Override
    public void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
        mongo.shutdownNow();
    }
}
