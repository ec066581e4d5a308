package school.evidence.platform.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import school.evidence.platform.web.WriteRequests;

import java.time.Duration;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator changes the idempotency retention of a populated store and restarts: the service starts. */
class ExpiringIndexTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoDatabase db = client.getDatabase("evidence");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private long expiryOf(String index) {
        return db.getCollection("idempotency_keys").listIndexes().into(new java.util.ArrayList<>()).stream()
                 .filter(d -> index.equals(d.getString("name"))).findFirst().orElseThrow()
                 .get("expireAfterSeconds", Number.class).longValue();
    }

    @Test
    void aChangedRetentionChangesTheIndexInsteadOfStoppingTheStart() {
        new WriteRequests(db, 1024, 1024, Duration.ofHours(24));
        db.getCollection("idempotency_keys").insertOne(new Document("_id", "k").append("createdAt", new Date()));

        new WriteRequests(db, 1024, 1024, Duration.ofHours(48)); // restarted with a longer retention

        assertThat(expiryOf("expiry")).isEqualTo(Duration.ofHours(48).toSeconds());
        assertThat(db.getCollection("idempotency_keys").countDocuments()).isEqualTo(1);
        new WriteRequests(db, 1024, 1024, Duration.ofHours(48)); // and again, unchanged
        assertThat(expiryOf("expiry")).isEqualTo(Duration.ofHours(48).toSeconds());
    }
}
