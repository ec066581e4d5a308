package school.evidence.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document and its index entries are separate maps of the file, and H2 commits whenever any writer (or its own
 * background thread) asks, so a commit can land between a document and its index entries. After a kill the file can
 * hold a document its indexes do not know (found by a scan, invisible to lookups; a redelivered insert then fails).
 * A store opened after an unclean shutdown rebuilds its indexes from the documents.
 */
class CrashConsistencyTest {

    @Test
    void afterAKillEveryStoredDocumentIsFoundThroughEachOfItsIndexes(@TempDir Path dir) throws Exception {
        String file = dir.resolve("s.mv").toString();
        MVStore store = new MVStore.Builder().fileName(file).open();
        DurableH2Backend backend = new DurableH2Backend(store, collection -> true); // no commit of their own
        MongoServer server = new MongoServer(backend);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> visits = client.getDatabase("evidence").getCollection("lesson_visits");
            visits.createIndex(Indexes.ascending("school", "date"), new IndexOptions().name("schoolByDate"));
            visits.createIndex(Indexes.ascending("ref"), new IndexOptions().name("ref").unique(true));
            // other writers' commits, as often as they can come
            threads.submit(() -> {
                while (writing.get()) {
                    store.commit();
                }
            });
            for (int w = 0; w < 3; w++) {
                int writer = w;
                threads.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        String id = writer + "-" + i;
                        visits.insertOne(new Document("_id", id).append("school", "s" + i % 3)
                                                                .append("date", "2023-11-" + (10 + i % 9))
                                                                .append("ref", "ref-" + id));
                        if (i % 3 == 0) {
                            visits.updateOne(Filters.eq("_id", id), new Document("$set", new Document("school", "s9")));
                        }
                    }
                });
            }
            Thread.sleep(3_000);
            store.closeImmediately(); // the kill: nothing more reaches the file
            writing.set(false);
        } catch (RuntimeException closedUnderTheWriters) {
            // writers racing the close fail; what matters is what the file holds
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            server.shutdownNow();
        }

        MongoServer reopened = new MongoServer(new DurableH2Backend(MVStore.open(file)));
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            MongoCollection<Document> visits = client.getDatabase("evidence").getCollection("lesson_visits");
            List<Document> stored = visits.find(Filters.exists("school")).into(new ArrayList<>()); // a scan
            assertThat(stored).hasSizeGreaterThan(100);
            Set<Object> foundBySchool = new HashSet<>();
            for (String school : List.of("s0", "s1", "s2", "s9")) {
                visits.find(Filters.eq("school", school)).forEach(d -> foundBySchool.add(d.get("_id")));
            }
            List<Object> missing = new ArrayList<>();
            for (Document visit : stored) {
                if (!foundBySchool.contains(visit.get("_id"))
                        || visits.find(Filters.eq("_id", visit.get("_id"))).first() == null
                        || visits.find(Filters.eq("ref", visit.getString("ref"))).first() == null) {
                    missing.add(visit.get("_id"));
                }
            }
            assertThat(missing).as("documents in the file that an index does not find").isEmpty();
            assertThat(foundBySchool).hasSameSizeAs(stored); // and no index entry without its document
            // a redelivered write of a stored document is refused as a duplicate, as on MongoDB
            Document again = stored.get(stored.size() - 1);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> visits.insertOne(again)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class)
                    .satisfies(e -> assertThat(((com.mongodb.MongoWriteException) e).getError().getCode())
                            .isEqualTo(11000));
        } finally {
            reopened.shutdown();
        }
    }
}
