package school.evidence.query.monitoring;

import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.query.EmbeddedMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;
import static school.evidence.query.EmbeddedMongo.feedInOneBatch;

class MonitoringListProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private MonitoringListProjection projection;
    private MonitoringQueryController reads;

    @BeforeEach
    void setUp() {
        var db = MONGO.freshDatabase();
        projection = new MonitoringListProjection(db);
        reads = new MonitoringQueryController(new MonitoringReads(db));
        feed(projection,
             event("MonitoringActivity", "v1", 0, recorded("v1", "108520", MonitoringType.LESSON_VISIT, "2023-10-12", "a1"), "slt"),
             event("MonitoringActivity", "b1", 0, recorded("b1", "108520", MonitoringType.BOOK_SCRUTINY, "2023-11-20"), "slt"),
             event("MonitoringActivity", "x1", 0, recorded("x1", "100000", MonitoringType.LESSON_VISIT, "2023-10-12"), "slt"));
    }

    private static MonitoringActivityRecorded recorded(String id, String urn, MonitoringType type, String on,
                                                       String... actions) {
        return new MonitoringActivityRecorded(id, urn, actions.length == 0 ? null : "108520-2023-24", type,
                                              details(on, actions));
    }

    private static MonitoringDetails details(String on, String... actions) {
        return new MonitoringDetails(LocalDate.parse(on), "DHT", null, List.of("s"), List.of(), List.of(actions));
    }

    private List<String> ids(List<MonitoringRecord> rows) {
        return rows.stream().map(MonitoringRecord::activityId).toList();
    }

    @Test
    void listsOnlyTheSchoolsOwnRecordsNewestFirstAndFilters() {
        assertThat(ids(reads.list("108520", null, null, null, null, null, true))).containsExactly("b1", "v1");
        assertThat(ids(reads.list("108520", MonitoringType.LESSON_VISIT, null, null, null, null, true))).containsExactly("v1");
        assertThat(ids(reads.list("108520", null, LocalDate.of(2023, 11, 1), LocalDate.of(2023, 11, 30), null, null, true)))
                .containsExactly("b1");
        assertThat(ids(reads.list("108520", null, null, null, "a1", null, true))).containsExactly("v1");
        assertThat(reads.list("108520", null, null, null, null, null, true)).allSatisfy(
                row -> assertThat(row.confidential()).isFalse());
        assertThatThrownBy(() -> reads.list("108520", null, LocalDate.of(2023, 12, 1), LocalDate.of(2023, 11, 1), null,
                                            null, true)).isInstanceOf(Rejection.class);
    }

    @Test
    void keepsEveryVersionAndMarksRetractionAndIgnoresRedelivery() {
        var amended = event("MonitoringActivity", "v1", 1, new MonitoringActivityAmended(
                "v1", "108520", "108520-2023-24", MonitoringType.LESSON_VISIT, details("2023-10-11", "a1"), 2,
                "wrong date"), "slt");
        feed(projection, amended, amended,
             event("MonitoringActivity", "v1", 2, new MonitoringActivityRetracted("v1", "108520", "duplicate"), "slt"));

        MonitoringRecord v1 = reads.list("108520", MonitoringType.LESSON_VISIT, null, null, null, null, true).get(0);
        assertThat(v1.version()).isEqualTo(2);
        assertThat(v1.versions()).extracting(MonitoringRecord.Version::reason).containsExactly(null, "wrong date");
        assertThat(v1.current().occurredOn()).isEqualTo("2023-10-11");
        assertThat(v1.retracted()).isTrue();
        assertThat(ids(reads.list("108520", null, null, null, null, null, false))).containsExactly("b1");

        // the recording redelivered after all that changes nothing, in the record or in a past page's order rows
        feed(projection, event("MonitoringActivity", "v1", 0,
                               recorded("v1", "108520", MonitoringType.LESSON_VISIT, "2023-10-12", "a1"), "slt"));
        Instant now = Instant.now();
        MonitoringRecord again = reads.list("108520", MonitoringType.LESSON_VISIT, null, null, null, null, true).get(0);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.retracted()).isTrue();
        assertThat(ids(reads.list("108520", null, null, null, null, null, false, now, 0, 10).getBody()))
                .as("a past page leaves the retracted record out").containsExactly("b1");
        assertThat(ids(reads.list("108520", null, LocalDate.of(2023, 10, 11), LocalDate.of(2023, 10, 11), null, null,
                                  true, now, 0, 10).getBody()))
                .as("and places it by its amended date").containsExactly("v1");
    }

    @Test
    void oneBatchOfEventsLeavesTheListAsEventsOneAtATimeDo() {
        EventMessage<?>[] events = {
                event("MonitoringActivity", "v2", 0, recorded("v2", "108520", MonitoringType.LESSON_VISIT, "2023-10-13", "a1"), "slt"),
                event("MonitoringActivity", "v2", 1, new MonitoringActivityAmended(
                        "v2", "108520", "108520-2023-24", MonitoringType.LESSON_VISIT, details("2023-10-14", "a1"), 2,
                        "wrong date"), "slt"),
                event("MonitoringActivity", "v2", 0, recorded("v2", "108520", MonitoringType.LESSON_VISIT, "2023-10-13", "a1"), "slt"),
                event("MonitoringActivity", "b2", 0, recorded("b2", "108520", MonitoringType.BOOK_SCRUTINY, "2023-11-21"), "slt"),
                event("MonitoringActivity", "v2", 2, new MonitoringActivityRetracted("v2", "108520", "duplicate"), "slt"),
                event("MonitoringActivity", "b2", 0, recorded("b2", "108520", MonitoringType.BOOK_SCRUTINY, "2023-11-21"), "slt")};
        var oneAtATime = MONGO.freshDatabase();
        feed(new MonitoringListProjection(oneAtATime), events);
        var batched = MONGO.freshDatabase();
        feedInOneBatch(new MonitoringListProjection(batched), events);

        for (String collection : List.of(MonitoringListProjection.COLLECTION, MonitoringVersions.COLLECTION)) {
            assertThat(batched.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .as(collection).hasSize(collection.equals(MonitoringVersions.COLLECTION) ? 3 : 2)
                    .isEqualTo(oneAtATime.getCollection(collection).find().sort(new Document("_id", 1))
                                         .into(new ArrayList<>()));
        }
    }
}
