package school.evidence.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator sees the store file's size, its live share, its chunk writes, its page cache and its whole-collection
 * scans, and they move.
 */
class EmbeddedStoreMetersTest {

    @Test
    void theFileMetersFollowWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        DurableH2Backend backend = DurableH2Backend.open(file.toString(), java.time.Duration.ofSeconds(45), 4,
                                                         collection -> false);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EmbeddedStoreMeters(backend).bindTo(registry);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            double chunksBefore = registry.get("evidence.store.chunks.written").functionCounter().count();
            MongoCollection<Document> visits = client.getDatabase("evidence").getCollection("lesson_visits");
            for (int i = 0; i < 200; i++) { // each acknowledged write is committed: a chunk each
                visits.insertOne(new Document("_id", "visit-" + i).append("strengths", "Clear modelling ".repeat(50)));
            }
            assertThat(registry.get("evidence.store.chunks.written").functionCounter().count() - chunksBefore)
                    .isGreaterThanOrEqualTo(200);
            assertThat(registry.get("evidence.store.file.size").gauge().value()).isEqualTo((double) Files.size(file));
            assertThat(registry.get("evidence.store.file.live").gauge().value()).isBetween(1.0, 100.0);
            for (int i = 0; i < 200; i++) { // read back: the pages just written are in the cache
                assertThat(visits.find(new Document("_id", "visit-" + i)).first()).isNotNull();
            }
            assertThat(registry.get("evidence.store.scans").functionCounter().count())
                    .as("every read so far by _id").isZero();
            visits.find(new Document("strengths", "none")).first(); // no index on it: every visit read
            visits.find(new Document()).first(); // the whole collection asked for: not a missing index
            assertThat(registry.get("evidence.store.scans").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.get("evidence.store.page.cache.used").gauge().value()).isPositive();
            assertThat(registry.get("evidence.store.page.cache.hits").gauge().value()).isBetween(1.0, 100.0);
            assertThat(registry.get("evidence.store.recovery.last").gauge().value())
                    .as("a new store was never rebuilt after an unclean shutdown").isNaN();
        } finally {
            server.shutdown();
        }
        assertThat(registry.get("evidence.store.file.size").gauge().value()).as("closed").isNaN();
    }
}
