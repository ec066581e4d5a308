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
 * A store from before the shared processors had a processor per read model: each shared one starts where its read
 * model furthest behind was, so none misses an event; from the first event when any had handled nothing.
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
    void eachSharedProcessorStartsWhereItsReadModelFurthestBehindWas() {
        stored("plan-view", 0, GapAwareTrackingToken.newInstance(900, List.of()));
        stored("challenge-log", 0, GapAwareTrackingToken.newInstance(800, List.of()));
        stored("monitoring-list", 0, GapAwareTrackingToken.newInstance(640, List.of(600L)));
        stored("action-timeline", 0, GapAwareTrackingToken.newInstance(700, List.of()));
        stored("ledger-index", 0, GapAwareTrackingToken.newInstance(10, List.of())); // keeps its own processor
        // the erasure followers on each shared processor (new in this version) have no position of their own
        List<String> readModels = List.of("plan-view", "challenge-log", "monitoring-list", "action-timeline",
                                          "ledger-index", "read-models-erasures", "quick-read-models-erasures");
        TokenPositions positions = new TokenPositions(db, serializer);

        TrackingToken heavy = ReadModelProcessors.startingPoint(ReadModelProcessors.SHARED, readModels, positions);
        assertThat(heavy.position()).hasValue(640);
        assertThat(heavy.covers(GapAwareTrackingToken.newInstance(600, List.of()))).as("the gap handed again").isFalse();
        assertThat(heavy.covers(GapAwareTrackingToken.newInstance(641, List.of()))).isFalse();
        assertThat(ReadModelProcessors.startingPoint(ReadModelProcessors.QUICK, readModels, positions).position())
                .hasValue(800);
    }

    @Test
    void theErasureFollowersRunOnTheProcessorsOfTheReadModelsTheyMakeAgainAndAreNotReadModels() {
        assertThat(ReadModelProcessors.of("read-models-erasures")).isEqualTo(ReadModelProcessors.SHARED);
        assertThat(ReadModelProcessors.of("quick-read-models-erasures")).isEqualTo(ReadModelProcessors.QUICK);
        assertThat(ReadModelProcessors.isReadModel("read-models-erasures")).isFalse();
        assertThat(ReadModelProcessors.isReadModel("ledger-index")).isFalse();
        assertThat(ReadModelProcessors.isReadModel("plan-view")).isTrue();
    }

    @Test
    void fromTheFirstEventOnANewStoreOrWhenAReadModelHadHandledNothing() {
        TokenPositions positions = new TokenPositions(db, serializer);
        List<String> readModels = List.of("plan-view", "monitoring-list", "action-timeline");
        assertThat(ReadModelProcessors.startingPoint(ReadModelProcessors.SHARED, readModels, positions)).isNull();
        assertThat(ReadModelProcessors.startingPoint(ReadModelProcessors.QUICK, readModels, positions)).isNull();

        stored("monitoring-list", 0, GapAwareTrackingToken.newInstance(900, List.of()));
        assertThat(ReadModelProcessors.startingPoint(ReadModelProcessors.SHARED, readModels, positions))
                .as("action-timeline is new: it needs every event").isNull();
    }

    /** A store where one processor fed every read model: the quick ones start where it had got, not from scratch. */
    @Test
    void theQuickReadModelsStartWhereTheOneProcessorForAllHadGot() {
        stored(ReadModelProcessors.SHARED, 0, GapAwareTrackingToken.newInstance(5_000, List.of(4_990L)));
        List<String> readModels = List.of("plan-view", "trusts", "monitoring-list");
        TokenPositions positions = new TokenPositions(db, serializer);

        TrackingToken quick = ReadModelProcessors.startingPoint(ReadModelProcessors.QUICK, readModels, positions);
        assertThat(quick.position()).hasValue(5_000);
        assertThat(quick.covers(GapAwareTrackingToken.newInstance(4_990, List.of()))).isFalse();

        // their own older positions, where a store kept them from before that, come first: none misses an event
        stored("plan-view", 0, GapAwareTrackingToken.newInstance(3_000, List.of()));
        stored("trusts", 0, GapAwareTrackingToken.newInstance(3_500, List.of()));
        assertThat(ReadModelProcessors.startingPoint(ReadModelProcessors.QUICK, readModels, positions).position())
                .hasValue(3_000);
    }

    private void stored(String processor, int segment, TrackingToken token) {
        store.initializeTokenSegments(processor, 1);
        store.fetchToken(processor, segment);
        store.storeToken(token, processor, segment);
        store.releaseClaim(processor, segment);
    }
}
