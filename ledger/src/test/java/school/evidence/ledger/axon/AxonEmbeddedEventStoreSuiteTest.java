package school.evidence.ledger.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStoreTest;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

/**
 * Axon 4.12.2's own {@code EmbeddedEventStoreTest} (the event store the services run: caching, tailing consumers,
 * polling when another process appends, with and without optimised consumption) over the ledger. No test overridden.
 */
class AxonEmbeddedEventStoreSuiteTest extends EmbeddedEventStoreTest {

    private static EmbeddedServer server;

    @BeforeAll
    static void startServer() {
        server = new EmbeddedServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    public EventStorageEngine createStorageEngine() {
        return MongoLedgerStorageEngine.builder()
                                       .database(server.freshDatabase())
                                       .eventSerializer(LedgerSerializers.events())
                                       .snapshotSerializer(LedgerSerializers.events())
                                       .build();
    }
}
