package school.evidence.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.feed;
import static school.evidence.query.EmbeddedMongo.feedInOneBatch;

class BatchedWritesTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    record Step(String op, String id) {
    }

    /** A projection whose events say what to do: the batched writes' behaviour, seen through its collection. */
    static final class Tally {
        final MongoCollection<Document> rows;
        final List<Long> seen = new ArrayList<>();

        Tally(MongoCollection<Document> rows) {
            this.rows = rows;
        }

        @EventHandler
        void on(Step step) {
            switch (step.op()) {
                case "open" -> BatchedWrites.addOnce(rows, new InsertOneModel<>(new Document("_id", step.id()).append("n", 1)));
                case "openStrictly" -> BatchedWrites.add(rows, new InsertOneModel<>(new Document("_id", step.id()).append("n", 1)));
                case "bump" -> BatchedWrites.add(rows, new UpdateOneModel<>(eq("_id", step.id()), Updates.inc("n", 1)));
                case "peek" -> seen.add(rows.countDocuments()); // what another reader sees meanwhile
                case "read" -> {
                    BatchedWrites.flush();
                    Document row = rows.find(eq("_id", step.id())).first();
                    seen.add(row == null ? -1L : row.getInteger("n").longValue());
                }
                default -> throw new IllegalArgumentException(step.op());
            }
        }
    }

    private Tally tally;

    @BeforeEach
    void setUp() {
        tally = new Tally(MONGO.freshDatabase().getCollection("rows"));
    }

    private static EventMessage<?> step(String op, String id) {
        return GenericEventMessage.asEventMessage(new Step(op, id));
    }

    private long n(String id) {
        Document row = tally.rows.find(eq("_id", id)).first();
        return row == null ? -1 : row.getInteger("n");
    }

    @Test
    void aBatchsWritesReachTheStoreTogetherAtItsEndInOrder() {
        feedInOneBatch(tally, step("open", "a"), step("bump", "a"), step("peek", null), step("bump", "a"),
                       step("open", "b"));

        assertThat(tally.seen).containsExactly(0L); // nothing sent while the batch was being handled
        assertThat(n("a")).isEqualTo(3);
        assertThat(n("b")).isEqualTo(1);
    }

    @Test
    void aHandlerThatReadsSeesItsOwnBatchsWrites() {
        feedInOneBatch(tally, step("open", "a"), step("bump", "a"), step("read", "a"), step("bump", "a"));

        assertThat(tally.seen).containsExactly(2L);
        assertThat(n("a")).isEqualTo(3);
    }

    @Test
    void anInsertFoundAlreadyWrittenIsSkippedAndTheWritesAfterItStillLand() {
        feed(tally, step("open", "a"));

        feedInOneBatch(tally, step("open", "a"), step("bump", "a"), step("open", "b"), step("open", "b"),
                       step("bump", "b"));

        assertThat(n("a")).isEqualTo(2);
        assertThat(n("b")).isEqualTo(2);
    }

    @Test
    void anyOtherFailedWriteFailsTheWholeBatchSoItIsHandledAgain() {
        feed(tally, step("open", "a"));

        assertThatThrownBy(() -> feedInOneBatch(tally, step("openStrictly", "a"), step("open", "b")))
                .hasMessageContaining("E11000");
        assertThat(n("b")).isEqualTo(-1);
    }

    @Test
    void outsideABatchEveryWriteIsSentAtOnce() {
        feed(tally, step("open", "a"), step("peek", null), step("bump", "a"));

        assertThat(tally.seen).containsExactly(1L);
        assertThat(n("a")).isEqualTo(2);
    }
}
