package school.evidence.query.monitoring;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.ResponseEntity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.query.EmbeddedMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.query.EmbeddedMongo.feed;

/**
 * Paging through a school's monitoring list, live or as it stood at an earlier instant, gives exactly the whole
 * list, page by page, with its length. A past page is chosen by index from a small row per version and only then
 * read whole, so this also checks those rows decide every filter and the order as the whole records do, including
 * rows filled from the records of a store that predates them.
 */
class MonitoringPagingTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    @RegisterExtension
    static final EmbeddedMongo STORE = EmbeddedMongo.onDisk();

    private static final Instant START = Instant.parse("2023-09-04T08:00:00Z");
    private static final MonitoringType[] TYPES = {MonitoringType.LESSON_VISIT, MonitoringType.BOOK_SCRUTINY,
            MonitoringType.PUPIL_VOICE};
    private static final String[] ACTIONS = {"a1", "a2", "a3"};

    /** On the reference server, and on the service's store, whose indexes choose the page and count its list. */
    @ParameterizedTest(name = "on the {0}")
    @ValueSource(strings = {"reference server", "embedded store"})
    void everyPageTogetherIsTheWholeListInOrderWithItsLength(String server) {
        var db = (server.equals("embedded store") ? STORE : MONGO).freshDatabase();
        MonitoringListProjection projection = new MonitoringListProjection(db);
        MonitoringQueryController reads = new MonitoringQueryController(new MonitoringReads(db));
        Random random = new Random(20231104);
        List<String> ids = new ArrayList<>();
        List<Instant> moments = new ArrayList<>();
        long minute = 0;
        for (int i = 0; i < 90; i++) {
            Instant at = START.plusSeconds(60 * minute++);
            if (i < 60 || ids.isEmpty()) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                feed(projection, message(id, 0, new MonitoringActivityRecorded(
                        id, "108520", "108520-2023-24", TYPES[random.nextInt(TYPES.length)], details(random)), at));
            } else if (i < 80) {
                String id = ids.get(random.nextInt(ids.size()));
                feed(projection, message(id, i, new MonitoringActivityAmended(
                        id, "108520", "108520-2023-24", TYPES[0], details(random), i, "corrected"), at));
            } else {
                String id = ids.remove(random.nextInt(ids.size()));
                feed(projection, message(id, 1_000, new MonitoringActivityRetracted(id, "108520", "duplicate"), at));
            }
            if (i % 15 == 7) {
                moments.add(at.plusSeconds(30));
            }
        }
        moments.add(null); // the live list
        List<MonitoringFilter> filters = List.of(
                new MonitoringFilter(null, null, null, null, null, true),
                new MonitoringFilter(null, null, null, null, null, false),
                new MonitoringFilter(MonitoringType.BOOK_SCRUTINY, null, null, null, null, true),
                new MonitoringFilter(null, LocalDate.of(2023, 10, 1), LocalDate.of(2023, 11, 15), null, null, true),
                new MonitoringFilter(null, null, null, "a2", null, true),
                new MonitoringFilter(null, null, null, null, PupilGroup.SEND, false));
        assertThat(pagesMakeTheWholeList(reads, moments, filters)).as("the filters find something at most moments")
                                                                   .isGreaterThan(30);
        // a store from before the version rows existed (it had one order row per record): the projection fills them
        // from the records when it starts, and drops the former rows
        long rows = db.getCollection(MonitoringVersions.COLLECTION).countDocuments();
        assertThat(rows).as("a row per version: 60 records and 20 amendments").isEqualTo(80);
        db.getCollection(MonitoringVersions.COLLECTION).drop();
        db.getCollection("monitoring_order").insertOne(new Document("_id", "former"));
        new MonitoringListProjection(db);
        assertThat(db.getCollection(MonitoringVersions.COLLECTION).countDocuments()).isEqualTo(rows);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("monitoring_order");
        assertThat(pagesMakeTheWholeList(reads, moments, filters)).isGreaterThan(30);
        List<MonitoringRecord> first = reads.list("108520", null, null, null, null, null, true, null, null, null).getBody();
        assertThat(first).hasSize(60); // unpaged: the whole list, retracted ones marked
        assertThat(reads.list("108520", null, null, null, null, null, true, null, Integer.MAX_VALUE, 500).getBody())
                .as("a page past any list").isEmpty();
    }

    /** Pages through the list under every filter at every moment; how many of those lists were not empty. */
    private static int pagesMakeTheWholeList(MonitoringQueryController reads, List<Instant> moments,
                                             List<MonitoringFilter> filters) {
        int nonEmpty = 0;
        for (Instant asOf : moments) {
            for (MonitoringFilter f : filters) {
                List<MonitoringRecord> whole = reads.list("108520", f.type(), f.from(), f.to(), f.actionId(), f.pupilGroup(),
                                                  f.includeRetracted(), asOf);
                List<MonitoringRecord> paged = new ArrayList<>();
                for (int page = 0; ; page++) {
                    ResponseEntity<List<MonitoringRecord>> reply = reads.list("108520", f.type(), f.from(), f.to(),
                                                                      f.actionId(), f.pupilGroup(),
                                                                      f.includeRetracted(), asOf, page, 7);
                    assertThat(reply.getHeaders().getFirst("X-Total-Count")).as("%s %s page %d", asOf, f, page).isEqualTo(Integer.toString(whole.size()));
                    if (reply.getBody().isEmpty()) {
                        break;
                    }
                    assertThat(reply.getBody().size()).isLessThanOrEqualTo(7);
                    paged.addAll(reply.getBody());
                }
                assertThat(paged).as("as of %s, %s", asOf, f).isEqualTo(whole);
                nonEmpty += whole.isEmpty() ? 0 : 1;
            }
        }
        return nonEmpty;
    }

    private static MonitoringDetails details(Random random) {
        LocalDate on = LocalDate.of(2023, 9, 4).plusDays(random.nextInt(100));
        Set<PupilGroup> groups = EnumSet.noneOf(PupilGroup.class);
        for (PupilGroup g : PupilGroup.values()) {
            if (random.nextInt(3) == 0) {
                groups.add(g);
            }
        }
        List<String> actions = new ArrayList<>();
        for (String a : ACTIONS) {
            if (random.nextBoolean()) {
                actions.add(a);
            }
        }
        return new MonitoringDetails(on, "DHT", random.nextInt(4) == 0 ? null
                : new MonitoringDetails.Focus("English", List.of("Y4"), groups), List.of("s"), List.of(), actions);
    }

    private static GenericDomainEventMessage<?> message(String id, long seq, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("MonitoringActivity", id, seq, payload,
                                               MetaData.with("actor", "slt").and("actorRole", "SENIOR_LEADER"),
                                               UUID.randomUUID().toString(), at);
    }
}
