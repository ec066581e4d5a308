package school.evidence.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded disk store writes BSON pages: what goes in comes back the same after a restart, unique indexes
 * still refuse duplicates, and a data file written before the change (H2's Java serialisation) opens with every
 * document and index intact.
 */
class BsonPagesTest {

    private static final Document EVENT = new Document("_id", "activity-1:0")
            .append("position", 41L).append("recordId", "activity-1").append("version", 0L)
            .append("payload", "{\"strengths\":[\"Questioning in Y5 maths – “why?” ✓\"]}")
            .append("school", "108520").append("count", 3).append("ratio", 0.25).append("held", true)
            .append("nothing", null).append("recordedAt", new Date(1_700_000_000_123L))
            .append("links", List.of("a", 2L, new Document("deep", List.of(1, 2))))
            .append("ref", new ObjectId("6b044faae95686cb59d65079"))
            .append("token", new Binary(new byte[] {1, 2, 3}));
    /** The server holds a UUID as a type BSON pages leave to H2's own format. */
    private static final Document WITH_UUID = new Document("_id", "keyed")
            .append("subject", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16]));

    @Test
    void documentsAndIndexesSurviveARestartExactly(@TempDir Path dir) {
        String file = dir.resolve("store.mv").toString();
        withStore(new DurableH2Backend(MVStore.open(file)), events -> {
            events.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
            events.insertOne(EVENT);
            events.insertOne(new Document("_id", "activity-2:0").append("position", 42L));
            events.insertOne(WITH_UUID);
        });
        withStore(new DurableH2Backend(MVStore.open(file)), events -> {
            assertThat(events.find(Filters.eq("_id", "activity-1:0")).first()).isEqualTo(EVENT);
            assertThat(events.find(Filters.eq("_id", "keyed")).first()).isEqualTo(WITH_UUID);
            assertThat(events.find(Filters.eq("position", 42L)).first()).containsEntry("_id", "activity-2:0");
            assertRefusesDuplicate(events, 41L);
            events.updateOne(Filters.eq("_id", "activity-2:0"), Updates.set("position", 43L));
            events.insertOne(new Document("_id", "activity-3:0").append("position", 42L)); // freed by the update
            events.deleteOne(Filters.eq("_id", "activity-1:0"));
        });
        withStore(new DurableH2Backend(MVStore.open(file)), events -> {
            assertThat(events.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("activity-2:0", "activity-3:0", "keyed");
            assertThat(events.find(Filters.eq("position", 43L)).first()).containsEntry("_id", "activity-2:0");
            events.insertOne(new Document("_id", "activity-1:0").append("position", 41L)); // freed by delete
        });
    }

    @Test
    void aFileWrittenWithJavaSerialisationOpensWithItsDocumentsAndIndexes(@TempDir Path dir) {
        String file = dir.resolve("store.mv").toString();
        withStore(new H2Backend(MVStore.open(file)), events -> {
            events.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
            for (long i = 1; i <= 300; i++) {
                events.insertOne(new Document(EVENT).append("_id", "activity-" + i + ":0").append("position", i));
            }
        });
        MVStore store = MVStore.open(file);
        withStore(new DurableH2Backend(store), events -> {
            assertThat(events.countDocuments()).isEqualTo(300);
            events.insertOne(WITH_UUID);
            assertThat(events.find(Filters.eq("position", 150L)).first())
                    .isEqualTo(new Document(EVENT).append("_id", "activity-150:0").append("position", 150L));
            assertThat(events.find(Filters.eq("_id", "activity-299:0")).first()).isNotNull();
            assertRefusesDuplicate(events, 150L);
            events.insertOne(new Document("_id", "activity-301:0").append("position", 301L));
            assertThat(store.getMapNames()).noneMatch(name -> name.endsWith("._index_position_1"))
                                           .anyMatch(name -> name.endsWith("._index_position_1.bson"));
        });
        withStore(new DurableH2Backend(MVStore.open(file)), events -> {
            assertThat(events.countDocuments()).isEqualTo(302);
            assertThat(events.find(Filters.eq("_id", "keyed")).first()).isEqualTo(WITH_UUID);
            assertThat(events.find(Filters.eq("position", 301L)).first()).containsEntry("_id", "activity-301:0");
            assertRefusesDuplicate(events, 150L);
        });
    }

    /**
     * Index keys are written value by value when plain, as BSON otherwise (a date), and in H2's format when BSON
     * cannot hold them: each comes back equal, and a compound unique index over them still finds and refuses.
     */
    @Test
    void indexKeysOfEveryKindComeBackEqual(@TempDir Path dir) {
        BsonPages.IndexKeys keys = new BsonPages.IndexKeys();
        List<KeyValue> written = List.of(
                new KeyValue("108520", 7, 41L, 0.25, true, false),
                new KeyValue(null, "Questioning – “why?” ✓", new de.bwaldvogel.mongo.bson.ObjectId("6b044faae95686cb59d65079")),
                new KeyValue(java.time.Instant.ofEpochMilli(1_700_000_000_123L), "dated"),
                new KeyValue(java.time.Instant.ofEpochSecond(1_700_000_000L, 1), "finer than BSON"));
        for (KeyValue key : written) {
            WriteBuffer buffer = new WriteBuffer();
            keys.write(buffer, key);
            ByteBuffer bytes = buffer.getBuffer().flip();
            assertThat(keys.read(bytes)).isEqualTo(key);
            assertThat(bytes.hasRemaining()).as("reads exactly what was written").isFalse();
        }
        String file = dir.resolve("store.mv").toString();
        Document mixed = new Document("_id", "m1").append("school", "108520").append("year", 2026).append("seq", 3L)
                                                  .append("held", true).append("ref", new ObjectId("6b044faae95686cb59d65079"));
        withStore(new DurableH2Backend(MVStore.open(file)), events -> {
            events.createIndex(Indexes.ascending("school", "year", "seq", "held", "ref"), new IndexOptions().unique(true));
            events.insertOne(mixed);
        });
        withStore(new DurableH2Backend(MVStore.open(file)), events -> {
            assertThat(events.find(Filters.and(Filters.eq("school", "108520"), Filters.eq("year", 2026),
                                               Filters.eq("seq", 3L))).first()).isEqualTo(mixed);
            assertThatThrownBy(() -> events.insertOne(new Document(mixed).append("_id", "m2")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    /**
     * Index keys are ordered value by value in one pass for values of one comparable type: on every pair of a mixed
     * set the order is the one the two-pass version gave (equality first), so files written before keep their order.
     */
    @Test
    void keyValuesAreOrderedAsBeforeInOnePass() {
        List<Object> values = new ArrayList<>(List.of(
                "108520-2026-27-activity-1", "108520-2026-27-activity-2", "108520-2026-27-activity-10", "", "108520",
                41L, 42L, -1L, 7, 0.25, 0.0, -0.0, Double.NaN, true, false,
                new java.math.BigDecimal("1.0"), new java.math.BigDecimal("1.00"), new java.math.BigDecimal("2"),
                java.time.Instant.ofEpochMilli(1_700_000_000_123L), java.time.Instant.ofEpochMilli(1_700_000_000_124L),
                new de.bwaldvogel.mongo.bson.ObjectId("6b044faae95686cb59d65079"),
                new de.bwaldvogel.mongo.bson.Document("deep", 1), new de.bwaldvogel.mongo.bson.Document("deep", 2),
                List.of("a", 2L), new ArrayList<>(List.of("a", 2L)), List.of("b")));
        values.add(null);
        for (Object x : values) {
            for (Object y : values) {
                assertThat(Integer.signum(BsonPages.IndexKeys.compareValues(x, y)))
                        .as("%s against %s", x, y).isEqualTo(Integer.signum(twoPasses(x, y)));
            }
        }
    }

    /** The order before it took one pass: equality first, then type, then the values' own order or their BSON. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int twoPasses(Object x, Object y) {
        if (java.util.Objects.equals(x, y)) {
            return 0;
        }
        if (x == null || y == null) {
            return x == null ? -1 : 1;
        }
        if (x.getClass() != y.getClass()) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        if (x instanceof Comparable comparable) {
            return comparable.compareTo(y);
        }
        return BsonPages.IndexKeys.compareValues(x, y);
    }

    /** H2 sizes its page cache and its commits by this estimate: a record's text must count. */
    @Test
    void aDocumentsMemoryEstimateCountsItsText() {
        de.bwaldvogel.mongo.bson.Document visit = new de.bwaldvogel.mongo.bson.Document("_id", "v1")
                .append("versions", List.of(new de.bwaldvogel.mongo.bson.Document("strengths",
                                                                                   List.of("x".repeat(10_000)))));
        assertThat(new BsonPages.Documents().getMemory(visit)).isBetween(10_000, 11_000);
    }

    private static void assertRefusesDuplicate(MongoCollection<Document> events, long takenIndex) {
        assertThatThrownBy(() -> events.insertOne(new Document("_id", "other:0").append("position", takenIndex)))
                .isInstanceOf(MongoWriteException.class).extracting(e -> ((MongoWriteException) e).getCode())
                .isEqualTo(11000);
    }

    private static void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.accept(client.getDatabase("evidence").getCollection("records"));
        } finally {
            server.shutdown();
        }
    }
}
