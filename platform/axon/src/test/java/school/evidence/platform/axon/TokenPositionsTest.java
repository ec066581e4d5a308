package school.evidence.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Positions read as another node's token store stored them, without claiming: the store is left as it was. */
class TokenPositionsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachSegmentsStoredPositionIsReadWithoutTakingItsClaim() {
        MongoDatabase db = client.getDatabase("evidence");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        TokenStore store = MongoTokenStore.builder().nodeId("other-node").serializer(serializer)
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "evidence")
                                                   .trackingTokensCollectionName(LedgerAutoConfiguration.TRACKING_TOKENS)
                                                   .build()).build();
        store.initializeTokenSegments("plan-view", 2);
        store.fetchToken("plan-view", 0);
        store.storeToken(GapAwareTrackingToken.newInstance(41, List.of(39L)), "plan-view", 0);

        Map<Integer, Long> positions = new TokenPositions(db, serializer).of("plan-view");

        assertThat(positions).containsExactly(Map.entry(0, 41L), Map.entry(1, -1L));
        assertThat(new TokenPositions(db, serializer).of("no-such")).isEmpty();
        assertThat(db.getCollection(LedgerAutoConfiguration.TRACKING_TOKENS).find().first().getString("owner"))
                .as("still the other node's").isEqualTo("other-node");
    }
}
