package school.evidence.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
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

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts answered from an index's keys alone ({@link CoveredCount}) equal what the in-memory server counts by reading
 * every document: rows that are current at an instant (recorded by then, superseded or retracted after it), with and
 * without filters the index holds, and the cases it must leave to a scan (a field not in the index, nulls, absent
 * fields, arrays of one or several values, empty arrays).
 */
class CoveredCountTest {

    private static final String NEVER = "9999";
    /** The last school's rows have arrays of several tags: each has several keys, so its counts are left to a scan. */
    private static final List<String> SCHOOLS = List.of("108520", "100999", "131000");
    private static final List<String> KINDS = List.of("LESSON_VISIT", "BOOK_SCRUTINY", "PUPIL_VOICE");

    @Test
    void countsFromTheIndexEqualCountsOfTheDocuments(@TempDir Path dir) {
        MongoServer disk = new MongoServer(new DurableH2Backend(MVStore.open(dir.resolve("s.mv").toString())));
        MongoServer memory = new MongoServer(new MemoryBackend());
        try (MongoClient onDisk = MongoClients.create(disk.bindAndGetConnectionString());
             MongoClient inMemory = MongoClients.create(memory.bindAndGetConnectionString())) {
            MongoCollection<Document> rows = onDisk.getDatabase("t").getCollection("rows");
            MongoCollection<Document> expected = inMemory.getDatabase("t").getCollection("rows");
            rows.createIndex(Indexes.ascending("school", "at", "end", "kind", "detail.on", "tags"));
            Random random = new Random(20261206);
            List<Document> written = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                written.add(row(i, random));
            }
            rows.insertMany(written);
            expected.insertMany(written);

            List<Bson> queries = new ArrayList<>();
            for (String at : List.of("10", "25", "40", "55", NEVER)) {
                for (String school : SCHOOLS) {
                    Bson current = and(eq("school", school), lte("at", at), gt("end", at));
                    queries.add(current);
                    queries.add(and(current, eq("kind", "BOOK_SCRUTINY")));
                    queries.add(and(current, Filters.gte("detail.on", "2024-01-10"), lte("detail.on", "2024-01-20")));
                    queries.add(and(current, Filters.in("kind", KINDS.subList(0, 2))));
                    queries.add(and(current, Filters.ne("kind", "PUPIL_VOICE")));
                    // left to a scan: a field the index does not hold, nulls and absence, arrays
                    queries.add(and(current, eq("other", "x")));
                    queries.add(and(eq("school", school), Filters.or(eq("end", null), gt("end", at))));
                    queries.add(and(eq("school", school), Filters.exists("kind", false)));
                    queries.add(and(eq("school", school), eq("tags", "a")));
                    queries.add(and(eq("school", school), Filters.size("tags", 1)));
                    queries.add(and(eq("school", school), eq("tags", null)));
                }
            }
            for (Bson query : queries) {
                assertThat(rows.countDocuments(query)).as("%s", query).isEqualTo(expected.countDocuments(query));
            }
        } finally {
            disk.shutdownNow();
            memory.shutdownNow();
        }
    }

    /** A version row: recorded at {@code at}, current until {@code end}; a few with no kind, nulls or arrays. */
    private static Document row(int i, Random random) {
        int at = random.nextInt(60);
        Document row = new Document("_id", i).append("school", SCHOOLS.get(random.nextInt(SCHOOLS.size())))
                .append("at", String.format("%02d", at))
                .append("end", random.nextInt(3) == 0 ? NEVER : String.format("%02d", at + 1 + random.nextInt(20)))
                .append("detail", new Document("on", "2024-01-" + String.format("%02d", 1 + random.nextInt(28))));
        if (random.nextInt(10) > 0) {
            row.append("kind", KINDS.get(random.nextInt(KINDS.size())));
        }
        switch (random.nextInt(8)) {
            case 0 -> row.append("tags", List.of("a"));
            case 1 -> row.append("tags", row.getString("school").equals("131000") ? List.of("a", "b") : List.of("b"));
            case 2 -> row.append("tags", List.of());
            case 3 -> row.append("tags", null);
            default -> { }
        }
        return row;
    }
}
