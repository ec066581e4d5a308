package school.evidence.ledger.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.UUID;

/** One in-process wire-protocol server per test class, and a fresh database per test, through the real driver. */
final class EmbeddedServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());

    MongoDatabase freshDatabase() {
        return client.getDatabase("axon_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
