package school.evidence.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.platform.axon.LedgerAutoConfiguration;
import school.evidence.platform.axon.TokenPositions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store from before the shared processor had a processor per read model: the shared one starts where the one
 * furthest behind was, so no read model misses an event; from the first event when any had handled nothing.
 */
class ReadModelProcessorsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final MongoDatabase db = MONGO.freshDatabase();
    private final TokenStore store = MongoTokenStore.builder().nodeId("old-node").serializer(serializer)
            .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(db)
                                               .trackingTokensCollectionName(LedgerAutoConfiguration.TRACKING_TOKENS)
                                               .build()).build();

    @Test
    void theSharedProcessorStartsWhereTheReadModelFurthestBehindWas() {
        stored("plan-view", 0, GapAwareTrackingToken.newInstance(900, List.of()));
        stored("monitoring-list", 0, GapAwareTrackingToken.newInstance(640, List.of(600L)));
        stored("ledger-index", 0, GapAwareTrackingToken.newInstance(10, List.of())); // keeps its own processor

        TrackingToken start = ReadModelProcessors.startingPoint(
                List.of("plan-view", "monitoring-list", "ledger-index"), new TokenPositions(db, serializer));

        assertThat(start.position()).hasValue(640);
        assertThat(start.covers(GapAwareTrackingToken.newInstance(600, List.of()))).as("the gap handed again").isFalse();
        assertThat(start.covers(GapAwareTrackingToken.newInstance(641, List.of()))).isFalse();
    }

    @Test
    void fromTheFirstEventOnANewStoreOrWhenAReadModelHadHandledNothing() {
        TokenPositions positions = new TokenPositions(db, serializer);
        assertThat(ReadModelProcessors.startingPoint(List.of("plan-view", "monitoring-list"), positions)).isNull();

        stored("plan-view", 0, GapAwareTrackingToken.newInstance(900, List.of()));
        assertThat(ReadModelProcessors.startingPoint(List.of("plan-view", "monitoring-list"), positions))
                .as("monitoring-list is new: it needs every event").isNull();
    }

    private void stored(String processor, int segment, TrackingToken token) {
        store.initializeTokenSegments(processor, 1);
        store.fetchToken(processor, segment);
        store.storeToken(token, processor, segment);
        store.releaseClaim(processor, segment);
    }
}
