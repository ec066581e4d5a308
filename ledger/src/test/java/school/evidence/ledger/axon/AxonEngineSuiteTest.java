package school.evidence.ledger.axon;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.axonframework.eventsourcing.utils.EventStoreTestUtils.createEvent;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Axon 4.12.2's own test suite for batching storage engines ({@code BatchingEventStorageEngineTest}, with
 * {@code AbstractEventStorageEngineTest} and {@code EventStorageEngineTest} above it), run unmodified against the
 * ledger on the embedded server, the way Axon's JDBC and Mongo engines run it.
 * <p>
 * Three tests are overridden, for one reason: the ledger stamps each event with <em>its own</em> clock when it
 * reserves the event's position, never with the time the sender put on the message, so that no one can back-date
 * evidence (docs/architecture.md). Axon's versions set the times on the messages; ours set the same times on the
 * ledger's clock, append the same events in the same order, and expect exactly what Axon's expect.
 */
class AxonEngineSuiteTest
        extends BatchingEventStorageEngineTest<MongoLedgerStorageEngine, MongoLedgerStorageEngine.Builder> {

    private static EmbeddedServer server;
    private MongoDatabase database;
    private MongoLedgerStorageEngine engine;
    private final SettableClock ledgerClock = new SettableClock();

    @BeforeAll
    static void startServer() {
        server = new EmbeddedServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshEngine() {
        database = server.freshDatabase();
        setTestSubject(engine = createEngine());
    }

    @Override
    protected MongoLedgerStorageEngine createEngine(UnaryOperator<MongoLedgerStorageEngine.Builder> customization) {
        MongoLedgerStorageEngine.Builder builder = MongoLedgerStorageEngine.builder()
                .database(database)
                .eventSerializer(LedgerSerializers.events())
                .snapshotSerializer(LedgerSerializers.events())
                .clock(ledgerClock);
        return customization.apply(builder).build();
    }

    @Override
    @Test
    public void createTokenAt() {
        List<DomainEventMessage<?>> events = appendAt("2007-12-03T10:15:00Z", "2007-12-03T10:15:40Z",
                                                      "2007-12-03T10:15:35Z");
        assertEventStreamsById(List.of(events.get(1), events.get(2)), readFrom("2007-12-03T10:15:30Z"));
    }

    @Override
    @Test
    public void createTokenWithUnorderedEvents() {
        List<DomainEventMessage<?>> events = appendAt("2007-12-03T10:15:30Z", "2007-12-03T10:15:40Z",
                                                      "2007-12-03T10:15:50Z", "2007-12-03T10:15:45Z",
                                                      "2007-12-03T10:15:42Z");
        assertEventStreamsById(List.of(events.get(2), events.get(3), events.get(4)),
                               readFrom("2007-12-03T10:15:45Z"));
    }

    @Override
    @Test
    public void createTokenAtTimeAfterLastEvent() {
        appendAt("2007-12-03T10:15:30Z", "2007-12-03T10:15:40Z", "2007-12-03T10:15:35Z");
        assertTrue(readFrom("2008-12-03T10:15:30Z").isEmpty());
    }

    /** Appends one event per time, each recorded by the ledger at that time. */
    private List<DomainEventMessage<?>> appendAt(String... times) {
        List<DomainEventMessage<?>> appended = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            ledgerClock.set(Instant.parse(times[i]));
            DomainEventMessage<?> event = createEvent(i);
            engine.appendEvents(event);
            appended.add(event);
        }
        return appended;
    }

    private List<EventMessage<?>> readFrom(String time) {
        TrackingToken token = engine.createTokenAt(Instant.parse(time));
        return engine.readEvents(token, false).collect(Collectors.toList());
    }

    /** The ledger's clock, set by the test. */
    private static final class SettableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
