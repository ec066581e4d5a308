package school.evidence.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An idle processor's claims are written a few times within their timeout, not each time it asks. */
class ThrottledClaimsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoCollection<Document> tokens = client.getDatabase("evidence")
                                                           .getCollection(LedgerAutoConfiguration.TRACKING_TOKENS);
    private final MovableClock clock = new MovableClock();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aClaimIsWrittenAgainOnlyOnceAQuarterOfItsTimeoutHasPassed() throws Exception {
        TokenStore store = new ThrottledClaims(node("this-node"), TIMEOUT, clock);
        store.initializeTokenSegments("read-models", 1);
        store.fetchToken("read-models", 0);
        long claimed = claimWritten();

        Thread.sleep(5); // the store stamps claims with the real time, in milliseconds
        clock.advance(Duration.ofSeconds(2));
        store.extendClaim("read-models", 0);
        assertThat(claimWritten()).as("asked again 2 s after claiming: not written").isEqualTo(claimed);

        clock.advance(Duration.ofMillis(600));
        store.extendClaim("read-models", 0);
        long renewed = claimWritten();
        assertThat(renewed).as("2.6 s after claiming: written").isGreaterThan(claimed);

        Thread.sleep(5);
        clock.advance(Duration.ofSeconds(2));
        store.storeToken(GapAwareTrackingToken.newInstance(7, List.of()), "read-models", 0);
        long stored = claimWritten();
        assertThat(stored).as("storing a position renews the claim").isGreaterThan(renewed);
        clock.advance(Duration.ofSeconds(1));
        store.extendClaim("read-models", 0);
        assertThat(claimWritten()).as("1 s after storing a position: not written").isEqualTo(stored);
    }

    @Test
    void aClaimAnotherNodeTookIsStillFoundOutWhenItIsDue() {
        TokenStore store = new ThrottledClaims(node("this-node"), TIMEOUT, clock);
        store.initializeTokenSegments("read-models", 1);
        store.fetchToken("read-models", 0);
        // the other node takes it over (as after this node went silent for the whole timeout)
        tokens.updateOne(Filters.eq("processorName", "read-models"),
                         new Document("$set", new Document("owner", "other-node")));

        clock.advance(Duration.ofSeconds(3));
        assertThatThrownBy(() -> store.extendClaim("read-models", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
    }

    @Test
    void aReleasedClaimIsWrittenAgainAtOnceWhenTakenBack() throws Exception {
        TokenStore store = new ThrottledClaims(node("this-node"), TIMEOUT, clock);
        store.initializeTokenSegments("read-models", 1);
        store.fetchToken("read-models", 0);
        store.releaseClaim("read-models", 0);
        assertThat(tokens.find().first().getString("owner")).isNull();

        store.fetchToken("read-models", 0);
        assertThat(tokens.find().first().getString("owner")).isEqualTo("this-node");
    }

    private TokenStore node(String name) {
        return MongoTokenStore.builder().nodeId(name).claimTimeout(TIMEOUT)
                              .serializer(JacksonSerializer.defaultSerializer())
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "evidence")
                                                                 .trackingTokensCollectionName(
                                                                         LedgerAutoConfiguration.TRACKING_TOKENS)
                                                                 .build()).build();
    }

    /** When the store last wrote the claim (its own clock, milliseconds). */
    private long claimWritten() {
        return tokens.find().first().getLong("timestamp");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
