package school.evidence.platform.web.slice;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import school.evidence.ledger.LedgerReader;

/**
 * The store the web layer itself needs (idempotency keys, the ledger the access rules look a plan's or record's school
 * up in): the real driver against an in-process server, empty for each test context.
 */
@TestConfiguration(proxyBeanMethods = false)
class WebSliceStore {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer webSliceMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind();
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient webSliceClient(MongoServer webSliceMongo) {
        return MongoClients.create(webSliceMongo.getConnectionString());
    }

    @Bean
    MongoDatabase evidenceDatabase(MongoClient webSliceClient) {
        return webSliceClient.getDatabase("evidence");
    }

    @Bean
    LedgerReader ledgerReader(MongoDatabase evidenceDatabase) {
        return LedgerReader.of(evidenceDatabase);
    }
}
