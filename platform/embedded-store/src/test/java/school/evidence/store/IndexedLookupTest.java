package school.evidence.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query shapes the projections write (the driver's {@code Filters.and} is always a top-level {@code $and}) are
 * served by an index on the embedded server, not by a scan of the whole collection.
 */
class IndexedLookupTest {

    private final Index<Integer> id = new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);
    private final Index<Integer> bySchool = new MemoryUniqueIndex("schoolAndRef",
            List.of(new IndexKey("schoolUrn", true), new IndexKey("ref", true)), false);
    private final List<Index<Integer>> indexes = List.of(id, bySchool);

    @Test
    void aRecordGuardedByItsSequenceIsFoundByItsId() {
        Document query = new Document("$and", List.of(new Document("_id", "walk-1"),
                                                      new Document("seq", new Document("$lt", 7L))));

        assertThat(IndexedLookup.choose(indexes, query)).contains(Map.entry(id, new Document("_id", "walk-1")));
        assertThat(IndexedLookup.choose(indexes, new Document("_id", "walk-1").append("seq", new Document("$lte", 3L))))
                .contains(Map.entry(id, new Document("_id", "walk-1")));
    }

    @Test
    void aCompoundKeyIsUsedOnlyWhenEveryFieldOfItIsGiven() {
        Document both = new Document("$and", List.of(new Document("schoolUrn", "108520"),
                                                     new Document("$and", List.of(new Document("ref", "A1"),
                                                                                  new Document("type", "LESSON_VISIT")))));
        assertThat(IndexedLookup.choose(indexes, both))
                .contains(Map.entry(bySchool, new Document("schoolUrn", "108520").append("ref", "A1")));
        assertThat(IndexedLookup.choose(indexes, new Document("$and", List.of(new Document("schoolUrn", "108520")))))
                .isEmpty();
    }

    @Test
    void alternativesAndRangesAreLeftToAScan() {
        Document either = new Document("$or", List.of(new Document("_id", "a"), new Document("_id", "b")));
        assertThat(IndexedLookup.choose(indexes, either)).isEqualTo(Optional.empty());
        assertThat(IndexedLookup.choose(indexes, new Document("_id", new Document("$gt", "a")))).isEmpty();
    }

    @Test
    void aFieldAskedTwiceIsLookedUpByItsPlainValue() {
        Document query = new Document("$and", List.of(new Document("_id", new Document("$ne", "b")),
                                                      new Document("_id", "a")));
        assertThat(IndexedLookup.choose(indexes, query)).contains(Map.entry(id, new Document("_id", "a")));
    }
}
