package school.evidence.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-unique indexes on the embedded disk store: a query the index serves answers exactly what a full scan answers
 * (the in-memory server, which has no such index, is the reference), through inserts, updates that move a document
 * to another school, replacements, deletes and restarts; an index created over existing documents covers them.
 */
class SecondaryIndexTest {

    private static final List<String> SCHOOLS = List.of("108520", "100999", "100555", "131000");

    @Test
    void indexedQueriesAnswerWhatAScanAnswersThroughChangesAndRestarts(@TempDir Path dir) {
        String file = dir.resolve("store.mv").toString();
        MongoServer reference = new MongoServer(new MemoryBackend());
        try (MongoClient referenceClient = MongoClients.create(reference.bindAndGetConnectionString())) {
            MongoCollection<Document> expected = referenceClient.getDatabase("evidence").getCollection("rows");
            Random random = new Random(20261123);
            withStore(new DurableH2Backend(MVStore.open(file)), rows -> {
                createIndexes(rows);
                for (int round = 0; round < 600; round++) {
                    change(random, rows, expected);
                }
                assertSameAnswers(rows, expected);
            });
            MVStore reopened = MVStore.open(file);
            withStore(new DurableH2Backend(reopened), rows -> {
                assertSameAnswers(rows, expected); // the index came back from the file
                for (int round = 0; round < 300; round++) {
                    change(random, rows, expected);
                }
                assertSameAnswers(rows, expected);
                // no stale entries left behind by updates and deletes: one per document (none is multi-valued here)
                String map = reopened.getMapNames().stream().filter(n -> n.endsWith("._index_schoolByTime.secondary"))
                                     .findFirst().orElseThrow();
                assertThat((long) reopened.openMap(map).size()).isEqualTo(rows.countDocuments());
            });
        } finally {
            reference.shutdown();
        }
    }

    @Test
    void anIndexCreatedOverExistingDocumentsCoversThem(@TempDir Path dir) {
        String file = dir.resolve("store.mv").toString();
        MVStore store = MVStore.open(file);
        withStore(new DurableH2Backend(store), rows -> {
            for (int i = 0; i < 200; i++) {
                rows.insertOne(new Document("_id", "row-" + i).append("schoolUrn", SCHOOLS.get(i % 4)).append("n", i));
            }
            rows.createIndex(Indexes.ascending("schoolUrn"), new IndexOptions().name("bySchool"));
            assertThat(rows.countDocuments(Filters.eq("schoolUrn", "100999"))).isEqualTo(50);
            assertThat(store.getMapNames()).anyMatch(name -> name.endsWith("._index_bySchool.secondary"));
            assertThat(store.openMap(store.getMapNames().stream().filter(n -> n.endsWith("bySchool.secondary"))
                                          .findFirst().orElseThrow()).size())
                    .as("one entry per document").isEqualTo(200);
            rows.dropIndex("bySchool");
            assertThat(store.getMapNames()).noneMatch(name -> name.endsWith("._index_bySchool.secondary"));
            assertThat(rows.countDocuments(Filters.eq("schoolUrn", "100999"))).isEqualTo(50);
        });
    }

    @Test
    void aUniqueCompoundKeyFindsRecordsByItsFirstFieldWithoutReadingTheOthers(@TempDir Path dir) {
        DurableH2Backend backend = new DurableH2Backend(MVStore.open(dir.resolve("store.mv").toString()));
        withStore(backend, events -> {
            events.createIndex(Indexes.ascending("aggregateId", "seq"), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 300; i++) {
                events.insertOne(new Document("_id", "e" + i).append("aggregateId", "visit-" + i % 60)
                                                               .append("seq", (long) (i / 60)));
            }
            events.insertOne(new Document("_id", "void-1")); // no stream: not in the sparse index
            long scansBefore = backend.scans();
            assertThat(ids(events, Filters.in("aggregateId", "visit-3", "visit-59", "visit-60")))
                    .containsExactly("e119", "e123", "e179", "e183", "e239", "e243", "e299", "e3", "e59", "e63");
            assertThat(ids(events, Filters.and(Filters.eq("aggregateId", "visit-7"), Filters.gte("seq", 3))))
                    .containsExactly("e187", "e247");
            assertThat(backend.scans()).as("found through the index, not by reading all 301").isEqualTo(scansBefore);
        });
    }

    private static void createIndexes(MongoCollection<Document> rows) {
        rows.createIndex(Indexes.ascending("schoolUrn", "recordedAt"), new IndexOptions().name("schoolByTime"));
        rows.createIndex(Indexes.ascending("actionIds"), new IndexOptions().name("byAction"));
        rows.createIndex(Indexes.ascending("school", "position"), new IndexOptions().sparse(true).name("position"));
        // an array after the field asked for: a row whose list is empty must still be found by its plan
        rows.createIndex(Indexes.ascending("planId", "actionIds"), new IndexOptions().name("planActions"));
        // a unique compound key asked for by its first field alone, as the ledger's records by id (no sequence)
        rows.createIndex(Indexes.ascending("stream", "n"), new IndexOptions().unique(true).sparse(true).name("streamN"));
    }

    /** One random change, made the same way to both stores. */
    private static void change(Random random, MongoCollection<Document> rows, MongoCollection<Document> expected) {
        String id = "row-" + random.nextInt(120);
        int kind = random.nextInt(10);
        List<Consumer<MongoCollection<Document>>> both = new ArrayList<>();
        if (kind < 4) {
            Document row = randomRow(random, id);
            both.add(c -> c.replaceOne(Filters.eq("_id", id), row, new ReplaceOptions().upsert(true)));
        } else if (kind < 7) {
            String school = SCHOOLS.get(random.nextInt(SCHOOLS.size()));
            both.add(c -> c.updateOne(Filters.eq("_id", id), Updates.set("schoolUrn", school)));
        } else if (kind < 8) {
            long position = random.nextInt(50);
            both.add(c -> c.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("school", "108520"),
                                                                               Updates.set("position", position))));
        } else if (kind < 9) {
            both.add(c -> c.updateOne(Filters.eq("_id", id), Updates.unset("schoolUrn")));
            // a later change guarded by its sequence, as the projections write them (found through the _id index)
            long seq = random.nextInt(10);
            both.add(c -> c.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("seq", seq)),
                                      Updates.combine(Updates.set("seq", seq), Updates.set("type", "DEEP_DIVE"))));
        } else {
            both.add(c -> c.deleteOne(Filters.eq("_id", id)));
        }
        both.forEach(op -> {
            op.accept(rows);
            op.accept(expected);
        });
    }

    private static Document randomRow(Random random, String id) {
        Document row = new Document("_id", id).append("schoolUrn", SCHOOLS.get(random.nextInt(SCHOOLS.size())))
                                             .append("recordedAt", "2023-10-" + (10 + random.nextInt(20)))
                                             .append("type", random.nextBoolean() ? "LESSON_VISIT" : "LEARNING_WALK")
                                             .append("seq", (long) random.nextInt(10));
        int number = Integer.parseInt(id.substring("row-".length())); // unique per row: (stream, n)
        if (number % 5 > 0) {
            row.append("stream", "S" + number % 30).append("n", (long) (number / 30));
        }
        if (random.nextBoolean()) {
            row.append("actionIds", random.nextInt(4) == 0 ? List.of()
                    : List.of("A" + random.nextInt(5), "A" + random.nextInt(5)));
        }
        if (random.nextInt(4) > 0) {
            row.append("planId", "P" + random.nextInt(3));
        }
        if (random.nextInt(8) == 0) {
            row.remove("recordedAt"); // sorts before every date
        }
        if (random.nextInt(3) == 0) {
            // stored as a long, asked for as an int below: the index must agree on numbers as the server does
            row.append("school", "108520").append("position", (long) random.nextInt(50));
        }
        return row;
    }

    private static void assertSameAnswers(MongoCollection<Document> rows, MongoCollection<Document> expected) {
        List<Bson> queries = new ArrayList<>();
        for (String school : SCHOOLS) {
            queries.add(Filters.eq("schoolUrn", school));
            queries.add(Filters.and(Filters.eq("schoolUrn", school), Filters.eq("type", "LESSON_VISIT")));
            queries.add(Filters.and(Filters.eq("schoolUrn", school), Filters.gte("recordedAt", "2023-10-20")));
        }
        queries.add(Filters.in("schoolUrn", "108520", "131000", "999999"));
        queries.add(Filters.eq("schoolUrn", "999999"));
        queries.add(Filters.eq("actionIds", "A3"));
        queries.add(Filters.and(Filters.eq("school", "108520"), Filters.gt("position", 20)));
        queries.add(Filters.and(Filters.eq("school", "108520"), Filters.eq("position", 7)));
        queries.add(Filters.exists("schoolUrn", false));
        queries.add(Filters.eq("stream", "S7"));
        queries.add(Filters.in("stream", "S1", "S4", "S29", "S99"));
        queries.add(Filters.and(Filters.eq("stream", "S3"), Filters.lte("n", 2)));
        queries.add(Filters.and(Filters.in("stream", "S2", "S8"), Filters.eq("schoolUrn", "108520")));
        queries.add(Filters.and(Filters.eq("stream", "S9"), Filters.eq("n", 1)));
        for (int i = 0; i < 120; i += 7) {
            queries.add(Filters.and(Filters.eq("_id", "row-" + i), Filters.lte("seq", 5)));
            queries.add(Filters.and(Filters.eq("_id", "row-" + i)));
            queries.add(new Document("_id", "row-" + i).append("type", "DEEP_DIVE"));
        }
        queries.add(Filters.and(Filters.in("_id", "row-1", "row-2", "row-3"), Filters.exists("schoolUrn")));
        queries.add(Filters.and(Filters.eq("schoolUrn", "108520"), Filters.and(Filters.eq("type", "DEEP_DIVE"),
                                                                                Filters.gte("seq", 2))));
        queries.add(Filters.or(Filters.eq("_id", "row-4"), Filters.eq("schoolUrn", "100555")));
        for (String plan : List.of("P0", "P1", "P2")) {
            queries.add(Filters.eq("planId", plan));
            queries.add(Filters.and(Filters.eq("planId", plan), Filters.eq("actionIds", "A1")));
        }
        for (Bson query : queries) {
            assertThat(ids(rows, query)).as(query.toString()).isEqualTo(ids(expected, query));
            assertThat(rows.countDocuments(query)).as(query.toString()).isEqualTo(expected.countDocuments(query));
            // an aggregation starting with $match starts from what the index finds; the rest of it runs as before
            List<Bson> pipeline = List.of(Aggregates.match(query), Aggregates.group("$type", Accumulators.sum("n", 1)),
                                          Aggregates.sort(Sorts.ascending("_id")));
            assertThat(rows.aggregate(pipeline).into(new ArrayList<>())).as(query.toString())
                    .isEqualTo(expected.aggregate(pipeline).into(new ArrayList<>()));
        }
        // pages of a school's rows sorted newest first, as the monitoring list asks (many rows share a date), and
        // the counts beside them: the index gives both without reading every row of the school
        List<Bson> sorts = List.of(Sorts.orderBy(Sorts.descending("recordedAt"), Sorts.ascending("_id")),
                                   Sorts.orderBy(Sorts.ascending("recordedAt"), Sorts.descending("_id")),
                                   Sorts.orderBy(Sorts.ascending("type"), Sorts.ascending("_id")));
        for (String school : List.of(SCHOOLS.get(0), SCHOOLS.get(1), "999999")) {
            for (Bson query : List.of(Filters.eq("schoolUrn", school),
                                      Filters.and(Filters.eq("schoolUrn", school), Filters.eq("type", "LESSON_VISIT")),
                                      Filters.and(Filters.eq("schoolUrn", school),
                                                  Filters.lte("recordedAt", "2023-10-20")))) {
                for (Bson sort : sorts) {
                    for (int[] page : new int[][]{{0, 1}, {0, 5}, {3, 4}, {10, 10}, {0, 500}, {40, 5}}) {
                        String what = query + " " + sort + " skip " + page[0] + " limit " + page[1];
                        assertThat(page(rows, query, sort, page)).as(what).isEqualTo(page(expected, query, sort, page));
                    }
                }
                List<Bson> count = List.of(Aggregates.match(query), Aggregates.group(1, Accumulators.sum("n", 1)));
                assertThat(rows.aggregate(count).into(new ArrayList<>())).as(query.toString())
                        .isEqualTo(expected.aggregate(count).into(new ArrayList<>()));
            }
        }
        // pipelines not starting with $match are the server's own, unchanged
        List<Bson> unfiltered = List.of(Aggregates.project(new Document("schoolUrn", 1)),
                                        Aggregates.match(Filters.eq("schoolUrn", "108520")),
                                        Aggregates.sort(Sorts.ascending("_id")));
        assertThat(rows.aggregate(unfiltered).into(new ArrayList<>()))
                .isEqualTo(expected.aggregate(unfiltered).into(new ArrayList<>())).isNotEmpty();
        List<Bson> paged = List.of(Aggregates.match(Filters.eq("schoolUrn", "100999")),
                                   Aggregates.sort(Sorts.descending("recordedAt", "_id")), Aggregates.skip(2),
                                   Aggregates.limit(5));
        assertThat(rows.aggregate(paged).into(new ArrayList<>()))
                .isEqualTo(expected.aggregate(paged).into(new ArrayList<>())).isNotEmpty();
    }

    private static List<Document> page(MongoCollection<Document> rows, Bson query, Bson sort, int[] page) {
        return rows.find(query).sort(sort).skip(page[0]).limit(page[1]).into(new ArrayList<>());
    }

    private static List<String> ids(MongoCollection<Document> rows, Bson query) {
        return rows.find(query).sort(Sorts.ascending("_id")).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            work.accept(client.getDatabase("evidence").getCollection("rows"));
        } finally {
            server.shutdown();
        }
    }
}
