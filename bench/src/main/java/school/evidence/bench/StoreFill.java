package school.evidence.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Appends events straight into a stopped service's store through the ledger engine (the service reads them back). */
final class StoreFill {

    private StoreFill() {
    }

    /** Appends {@code count} recorded lesson visits of one school, each citing one of its plan's actions. */
    static long lessonVisits(Path storeFile, String urn, String planId, List<String> actionIds, long count) {
        if (count <= 0) {
            return 0;
        }
        MongoServer server = new MongoServer(new H2Backend(storeFile.toString()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoLedgerStorageEngine engine = MongoLedgerStorageEngine.builder()
                    .database(client.getDatabase("evidence"))
                    .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events())
                    .partitionResolver(m -> urn).build();
            List<EventMessage<?>> batch = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                MonitoringDetails details = new MonitoringDetails(
                        LocalDate.of(2026, 9, 8).plusDays(i % 70), "DHT",
                        new MonitoringDetails.Focus("Phonics", List.of("Y1")),
                        List.of("Pure sounds modelled clearly; pupils blended CVC words with confidence"),
                        List.of("Check decodable books match the sounds taught this week"),
                        List.of(actionIds.get((int) (i % actionIds.size()))));
                batch.add(new GenericDomainEventMessage<>("MonitoringActivity", id, 0,
                                                          new MonitoringActivityRecorded(id, urn, planId,
                                                                                         MonitoringType.LESSON_VISIT,
                                                                                         details),
                                                          MetaData.with("schoolUrn", urn).and("actor", "bench")));
                if (batch.size() == 100) {
                    engine.appendEvents(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                engine.appendEvents(batch);
            }
            return count;
        } finally {
            server.shutdownNow();
        }
    }
}
