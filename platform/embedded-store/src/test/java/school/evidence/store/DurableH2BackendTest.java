package school.evidence.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store on disk hands out each counter value once, however many writers ask at the same time: the
 * ledger reserves its global positions this way (the plain H2 backend returned duplicates: concurrent writes to
 * different records then failed with a spurious conflict and left gaps readers had to wait out).
 */
class DurableH2BackendTest {

    @Test
    void concurrentCounterIncrementsEachGetTheirOwnValue(@TempDir Path dir) throws Exception {
        MongoServer server = new MongoServer(new DurableH2Backend(MVStore.open(dir.resolve("s.mv").toString())));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> counters = client.getDatabase("evidence").getCollection("counters");
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(writers.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        Document after = counters.findOneAndUpdate(
                                Filters.eq("_id", "counter"), Updates.inc("value", 1L),
                                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                        if (!seen.add(((Number) after.get("value")).longValue())) {
                            duplicates.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            writers.shutdown();
            assertThat(duplicates.get()).isZero();
            assertThat(seen).hasSize(2_000);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void documentsAskedForByTheirIdsAreExactlyThoseAndOthersStillMatchWhole(@TempDir Path dir) {
        MongoServer server = new MongoServer(new DurableH2Backend(MVStore.open(dir.resolve("s.mv").toString())));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> records = client.getDatabase("evidence").getCollection("records");
            for (int i = 0; i < 2_000; i++) {
                records.insertOne(new Document("_id", "r" + i).append("school", i % 2 == 0 ? "100001" : "100002"));
            }
            records.insertOne(new Document("_id", 7).append("school", "100001"));
            List<Object> asked = new ArrayList<>(List.of("r5", "r1999", "absent", 7.0, "r0"));
            for (int i = 100; i < 1_100; i++) {
                asked.add("r" + i);
            }

            List<Object> found = new ArrayList<>();
            records.find(Filters.in("_id", asked)).forEach(d -> found.add(d.get("_id")));
            assertThat(found).hasSize(1_004).contains("r5", "r1999", 7, "r0", "r100", "r1099").doesNotContain("r1100");

            // another condition beside the ids is still asked of every document found
            List<Object> atOne = new ArrayList<>();
            records.find(Filters.and(Filters.in("_id", asked), Filters.eq("school", "100002")))
                   .forEach(d -> atOne.add(d.get("_id")));
            assertThat(atOne).hasSize(502).contains("r5", "r1999").doesNotContain("r0", 7);
            assertThat(records.deleteMany(Filters.in("_id", asked)).getDeletedCount()).isEqualTo(1_004);
            assertThat(records.countDocuments()).isEqualTo(997);
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A killed process keeps every write that was acknowledged after its own commit, and with it every earlier
     * write; a read model's write made after the last such commit may be lost (its processor redoes it).
     */
    @Test
    void aKilledProcessKeepsAcknowledgedWritesAndEverythingBeforeThem(@TempDir Path dir) {
        String file = dir.resolve("s.mv").toString();
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open(); // only our commits
        MongoServer server = new MongoServer(new DurableH2Backend(store, "audit_entries"::equals));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> audit = client.getDatabase("evidence").getCollection("audit_entries");
            MongoCollection<Document> events = client.getDatabase("evidence").getCollection("records");
            audit.insertOne(new Document("_id", "entry-1"));
            assertThat(store.hasUnsavedChanges()).as("a read model's write waits for the next commit").isTrue();
            events.insertOne(new Document("_id", "event-1"));
            assertThat(store.hasUnsavedChanges()).as("an event is committed before it is acknowledged").isFalse();
            audit.insertOne(new Document("_id", "entry-2"));
            store.closeImmediately(); // killed: nothing more reaches the file
        } finally {
            server.shutdownNow();
        }
        MVStore again = MVStore.open(file);
        assertThat(DurableH2Backend.lastRecovery(again)).as("no recovery before this one").isEmpty();
        MongoServer reopened = new MongoServer(new DurableH2Backend(again));
        // the rebuild after the kill is kept in the file, for the operations page and its meter
        assertThat(DurableH2Backend.lastRecovery(again)).hasValueSatisfying(
                r -> assertThat(r.at()).isAfter(java.time.Instant.now().minusSeconds(60)));
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            assertThat(client.getDatabase("evidence").getCollection("records").countDocuments()).isEqualTo(1);
            assertThat(client.getDatabase("evidence").getCollection("audit_entries").find()
                             .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("entry-1");
        } finally {
            reopened.shutdown();
        }
    }

    /** Derived writes are not left to pile up unsaved: a catch-up's worth once exhausted the heap of a small service. */
    @Test
    void derivedWritesAreCommittedBeforeTheyPileUp(@TempDir Path dir) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("s.mv").toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(new DurableH2Backend(store, "audit_entries"::equals));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> audit = client.getDatabase("evidence").getCollection("audit_entries");
            String text = "x".repeat(2_000);
            int mostUnsaved = 0;
            for (int i = 0; i < 3_000; i++) {
                audit.insertOne(new Document("_id", "entry-" + i).append("text", text));
                mostUnsaved = Math.max(mostUnsaved, store.getUnsavedMemory());
            }
            assertThat(mostUnsaved).isGreaterThan(0).isLessThan(2 * DurableH2Backend.DERIVED_UNSAVED_LIMIT);
        } finally {
            server.shutdownNow();
        }
    }

    /** Shutdown gives the disk back: superseded parts of the file are cut off, the data stays. */
    @Test
    void shutdownCutsTheFileDownToItsLiveData(@TempDir Path dir) throws Exception {
        String file = dir.resolve("s.mv").toString();
        MongoServer server = new MongoServer(DurableH2Backend.open(file, Duration.ofSeconds(30), collection -> false));
        String text = "x".repeat(20_000);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> plans = client.getDatabase("evidence").getCollection("plan_views");
            plans.insertOne(new Document("_id", "plan-1").append("version", 0).append("text", text));
            for (int v = 1; v <= 500; v++) { // each update commits and supersedes the last
                plans.updateOne(Filters.eq("_id", "plan-1"), Updates.set("version", v));
            }
        }
        long whileRunning = Files.size(Path.of(file));
        server.shutdownNow();
        long afterShutdown = Files.size(Path.of(file));
        assertThat(whileRunning).as("500 superseded versions of a 20 kB document").isGreaterThan(5_000_000);
        assertThat(afterShutdown).isLessThan(whileRunning / 10);
        MongoServer reopened = new MongoServer(new DurableH2Backend(MVStore.open(file)));
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            Document plan = client.getDatabase("evidence").getCollection("plan_views").find().first();
            assertThat(plan.getInteger("version")).isEqualTo(500);
            assertThat(plan.getString("text")).isEqualTo(text);
        } finally {
            reopened.shutdown();
        }
    }

    @Test
    void aFileLeftSparseIsCopiedWholeIntoANewOneThatHoldsTheSameDocumentsAndIndexes(@TempDir Path dir) throws Exception {
        String file = dir.resolve("s.mv").toString();
        DurableH2Backend backend = DurableH2Backend.open(file, Duration.ofSeconds(30), collection -> false);
        MongoServer server = new MongoServer(backend);
        String text = "y".repeat(5_000);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> visits = client.getDatabase("evidence").getCollection("visits");
            visits.createIndex(com.mongodb.client.model.Indexes.ascending("schoolUrn", "date"));
            for (int i = 0; i < 200; i++) {
                visits.insertOne(new Document("_id", "v" + i).append("schoolUrn", i % 2 == 0 ? "100555" : "108520")
                                                           .append("date", "2026-10-" + (10 + i % 20)).append("n", 0));
            }
            for (int round = 1; round <= 20; round++) { // superseded versions fill the file
                for (int i = 0; i < 200; i += 7) {
                    visits.updateOne(Filters.eq("_id", "v" + i), Updates.combine(Updates.set("n", round),
                                                                                  Updates.set("notes", text)));
                }
            }
        }
        backend.getMvStore().close(0); // as a shutdown cut short before H2's own compaction
        server.shutdownNow();
        long before = Files.size(Path.of(file));

        FileRewrite.copyWhole(file);

        assertThat(Files.size(Path.of(file))).isLessThan(before / 3);
        MongoServer reopened = new MongoServer(DurableH2Backend.open(file, Duration.ofSeconds(30), c -> false));
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            MongoCollection<Document> visits = client.getDatabase("evidence").getCollection("visits");
            assertThat(visits.countDocuments()).isEqualTo(200);
            assertThat(visits.countDocuments(Filters.eq("schoolUrn", "100555"))).isEqualTo(100);
            assertThat(visits.find(Filters.eq("_id", "v7")).first().getInteger("n")).isEqualTo(20);
        } finally {
            reopened.shutdown();
        }
        assertThat(FileRewrite.worthIt(7_300L << 20, 47)).as("the 100,000-event bench store").isTrue();
        assertThat(FileRewrite.worthIt(9_000L << 20, 47)).as("too much to copy within a shutdown").isFalse();
        assertThat(FileRewrite.worthIt(900L << 20, 85)).as("dense enough").isFalse();
    }
}
