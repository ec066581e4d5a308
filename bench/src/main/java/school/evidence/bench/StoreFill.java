package school.evidence.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import school.evidence.store.DurableH2Backend;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Appends events straight into a stopped service's store through the ledger engine (the service reads them back). */
final class StoreFill {

    private StoreFill() {
    }

    /**
     * Appends {@code count} recorded lesson visits, {@code forFirst} of them for the first school and the rest in
     * turn for the others, each citing one of its school's plan actions and dated across the autumn term.
     */
    static long lessonVisits(Path storeFile, List<School> schools, long count, long forFirst) {
        if (count <= 0) {
            return 0;
        }
        // as the service opens it (its default chunk retention), every write committed
        MongoServer server = new MongoServer(DurableH2Backend.open(storeFile.toString(), Duration.ofSeconds(45),
                                                                   collection -> false));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            return lessonVisits(client.getDatabase("evidence"), schools, count, forFirst);
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * The ledger engine's own streaming replay of a stopped service's store, from the first event, each payload
     * deserialized (what any catch-up must at least do): events/s.
     */
    static double replayRate(Path storeFile) {
        MongoServer server = new MongoServer(DurableH2Backend.open(storeFile.toString(), Duration.ofSeconds(45),
                                                                   collection -> false));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoLedgerStorageEngine engine = engine(client.getDatabase("evidence"));
            long start = System.nanoTime();
            long count = 0;
            try (java.util.stream.Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> events =
                         engine.readEvents(null, false)) {
                java.util.Iterator<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> it = events.iterator();
                while (it.hasNext()) {
                    it.next().getPayload();
                    count++;
                }
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoLedgerStorageEngine engine(com.mongodb.client.MongoDatabase database) {
        return MongoLedgerStorageEngine.builder()
                .database(database)
                .eventSerializer(LedgerSerializers.events()).snapshotSerializer(LedgerSerializers.events())
                .partitionResolver(m -> (String) m.getMetaData().get("schoolUrn")).build();
    }

    /** The same, into the evidence database of a store the nodes share. */
    static long lessonVisits(com.mongodb.client.MongoDatabase database, List<School> schools, long count,
                             long forFirst) {
        MongoLedgerStorageEngine engine = engine(database);
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            School school = i < forFirst || schools.size() == 1 ? schools.get(0)
                    : schools.get(1 + (int) ((i - forFirst) % (schools.size() - 1)));
            String id = UUID.randomUUID().toString();
            MonitoringDetails details = new MonitoringDetails(
                    LocalDate.of(2026, 9, 8).plusDays(i % 70), "DHT",
                    new MonitoringDetails.Focus("Phonics", List.of("Y1")),
                    List.of("Pure sounds modelled clearly; pupils blended CVC words with confidence"),
                    List.of("Check decodable books match the sounds taught this week"),
                    List.of(school.actionId((int) i)));
            batch.add(new GenericDomainEventMessage<>("MonitoringActivity", id, 0,
                                                      new MonitoringActivityRecorded(id, school.urn(),
                                                                                     school.planId(),
                                                                                     MonitoringType.LESSON_VISIT,
                                                                                     details),
                                                      MetaData.with("schoolUrn", school.urn())
                                                              .and("actor", "bench")));
            if (batch.size() == 100) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
        return count;
    }
}
