package school.evidence.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A three-member MongoDB replica set for the failover tests, on the Docker host's network (Linux hosts, as on CI):
 * each member listens on its own free port, so the members and the driver find each other under the same names.
 * Started with test commands enabled (fail points) and collection scans refused ({@code notablescan}).
 */
final class ReplicaSet implements AutoCloseable {

    private final List<GenericContainer<?>> members = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    ReplicaSet(String version) {
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            ports.add(port);
            GenericContainer<?> member = new GenericContainer<>(DockerImageName.parse("mongo:" + version))
                    .withNetworkMode("host")
                    .withCommand("--replSet", "rs0", "--port", String.valueOf(port), "--bind_ip", "127.0.0.1",
                                 "--setParameter", "enableTestCommands=1", "--setParameter", "notablescan=1")
                    .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 1))
                    .withStartupTimeout(Duration.ofMinutes(2));
            members.add(member);
        }
        members.forEach(GenericContainer::start);
        try (MongoClient first = MongoClients.create("mongodb://127.0.0.1:" + ports.get(0) + "/?directConnection=true")) {
            List<Document> config = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                config.add(new Document("_id", i).append("host", "127.0.0.1:" + ports.get(i)));
            }
            first.getDatabase("admin").runCommand(new Document("replSetInitiate",
                    new Document("_id", "rs0").append("members", config)));
        }
        awaitPrimary();
    }

    String uri() {
        return "mongodb://" + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
                + "/?replicaSet=rs0";
    }

    MongoClient client() {
        return MongoClients.create(uri());
    }

    /** A client to one member alone (fail points are set per member). */
    MongoClient member(int port) {
        return MongoClients.create("mongodb://127.0.0.1:" + port + "/?directConnection=true");
    }

    int primaryPort() {
        try (MongoClient any = client()) {
            String primary = any.getDatabase("admin").runCommand(new Document("hello", 1)).getString("primary");
            return Integer.parseInt(primary.substring(primary.lastIndexOf(':') + 1));
        }
    }

    List<GenericContainer<?>> secondaries() {
        int primary = primaryPort();
        List<GenericContainer<?>> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (ports.get(i) != primary) {
                out.add(members.get(i));
            }
        }
        return out;
    }

    void awaitPrimary() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try (MongoClient any = client()) {
                if (any.getDatabase("admin").runCommand(new Document("hello", 1)).getString("primary") != null) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // electing
            }
            sleep(500);
        }
        throw new IllegalStateException("The replica set elected no primary within a minute");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        members.forEach(GenericContainer::stop);
    }
}
