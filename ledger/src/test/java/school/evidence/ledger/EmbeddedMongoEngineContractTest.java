package school.evidence.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.UUID;

/** The engine contract on the embedded MongoDB wire-protocol server, through the real driver. */
class EmbeddedMongoEngineContractTest extends EventStorageEngineContract {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        client = MongoClients.create(uri);
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdown();
    }

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("contract_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
