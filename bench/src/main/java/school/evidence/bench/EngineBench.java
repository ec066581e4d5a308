package school.evidence.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.MongoLedgerStorageEngine;
import school.evidence.store.DurableH2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Section 2: the three event storage engines at the Axon API level, on the same embedded MongoDB server (the
 * standalone's own disk backend, {@link DurableH2Backend}: every write committed to the file before it is
 * acknowledged, index keys stored as BSON; mongo-java-server's stock H2 backend compares unique-index keys by their
 * Java serialization, which took most of the server's time in a profile of our engine) in the same run, with the
 * same Jackson serializer and the same realistic event (a recorded lesson visit, about 1 KB): ours, axon-mongo's
 * {@code MongoEventStorageEngine}, and Axon's JDBC engine on PostgreSQL when one is reachable. Each store first holds
 * 50,000 events (5,000 records of 10). Then:
 * <ul>
 * <li>appends to existing aggregates: load a random record's stream, append its next event (what a command does);</li>
 * <li>streaming replay from the first event, deserializing each payload (what a projection rebuild does);</li>
 * <li>the physical limit: the raw driver inserting documents of the stored size, one per call and 100 per call.</li>
 * </ul>
 * Single-threaded, so the figures compare the engines' own cost per operation rather than the scheduler.
 */
final class EngineBench {

    private static final String SECTION = "2 engines";
    private final Sizes sizes;
    private final Report report;
    private final Serializer serializer = LedgerSerializers.events();
    private final Random random = new Random(20261123);

    EngineBench(Sizes sizes, Report report) {
        this.sizes = sizes;
        this.report = report;
    }

    record Measured(String engine, double appendsPerSecond, double replayedPerSecond) {
    }

    void run(String postgresUrl) throws Exception {
        Path dir = Files.createTempDirectory("engine-bench");
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve("engines.mv").toString(),
                                                                   Duration.ofSeconds(45), collection -> false));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            List<Measured> measured = new ArrayList<>();
            MongoDatabase oursDb = client.getDatabase("ours");
            MongoLedgerStorageEngine ours = MongoLedgerStorageEngine.builder().database(oursDb)
                    .eventSerializer(serializer).snapshotSerializer(serializer)
                    .partitionResolver(m -> "100000").build();
            measured.add(measure("ours (MongoLedgerStorageEngine)", ours, sizes.engineOps(), sizes.replayLimit()));

            MongoEventStorageEngine axonMongo = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "axonmongo").build())
                    .eventSerializer(serializer).snapshotSerializer(serializer).build();
            axonMongo.ensureIndexes();
            measured.add(measure("axon-mongo MongoEventStorageEngine", axonMongo, sizes.slowEngineOps(),
                                 sizes.slowReplayLimit()));

            if (postgresUrl != null) {
                try (HikariDataSource pg = postgres(postgresUrl)) {
                    JdbcEventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                            .connectionProvider(new DataSourceConnectionProvider(pg))
                            .transactionManager(NoTransactionManager.INSTANCE)
                            .eventSerializer(serializer).snapshotSerializer(serializer).build();
                    jdbc.createSchema(PostgresEventTableFactory.INSTANCE);
                    measured.add(measure("Axon JDBC engine on PostgreSQL", jdbc, sizes.engineOps(),
                                         sizes.replayLimit()));
                }
            } else {
                System.out.println("  (no PostgreSQL: the JDBC engine is left out of this run; bench/run.sh starts one)");
            }
            rawInsertLimit(client.getDatabase("raw"), school.evidence.ledger.LedgerReader.of(oursDb), measured.get(0));
            Measured mine = measured.get(0);
            for (Measured other : measured.subList(1, measured.size())) {
                report.add(Figure.of(SECTION, "appends: ours ÷ " + other.engine(), "×",
                                     List.of(mine.appendsPerSecond() / other.appendsPerSecond()),
                                     other.engine().startsWith("axon-mongo") ? 10.0 : null, true, "medians"));
                report.add(Figure.of(SECTION, "replay: ours ÷ " + other.engine(), "×",
                                     List.of(mine.replayedPerSecond() / other.replayedPerSecond()),
                                     other.engine().startsWith("axon-mongo") ? 10.0 : null, true, "medians"));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private Measured measure(String name, EventStorageEngine engine, int ops, int replayLimit) {
        System.out.println(" " + name + ": storing " + sizes.records() * 10 + " events");
        List<String> ids = fill(engine, name);
        appendsToExisting(engine, ids, Math.max(ops / 10, 20)); // JIT warm-up, discarded
        Figure.Reps appends = new Figure.Reps();
        Figure.Reps replay = new Figure.Reps();
        for (int rep = 0; rep < sizes.repetitions(); rep++) {
            appends.add(appendsToExisting(engine, ids, ops));
            replay.add(replay(engine, replayLimit));
        }
        boolean isOurs = name.startsWith("ours");
        Figure a = Figure.of(SECTION, name + ": load + append to an existing record", "appends/s", appends.values,
                             isOurs ? 2000.0 : null, true, "with " + sizes.records() * 10 + " events stored");
        Figure r = Figure.of(SECTION, name + ": streaming replay", "events/s", replay.values,
                             isOurs ? 30000.0 : null, true, "with " + sizes.records() * 10 + " events stored");
        report.add(a);
        report.add(r);
        return new Measured(name, a.median(), r.median());
    }

    private List<String> fill(EventStorageEngine engine, String name) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < sizes.records(); i++) {
            String id = name.hashCode() + "-" + i;
            ids.add(id);
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (int seq = 0; seq < 10; seq++) {
                events.add(event(id, seq));
            }
            engine.appendEvents(events);
        }
        return ids;
    }

    /** Appends per second: each loads the record's events (deserializing them) and appends the next. */
    private double appendsToExisting(EventStorageEngine engine, List<String> ids, int ops) {
        long deadline = System.nanoTime() + sizes.maxSecondsPerMeasurement() * 1_000_000_000L;
        long start = System.nanoTime();
        int done = 0;
        while (done < ops && System.nanoTime() < deadline) {
            String id = ids.get(random.nextInt(ids.size()));
            DomainEventStream stream = engine.readEvents(id);
            while (stream.hasNext()) {
                stream.next().getPayload();
            }
            Long last = stream.getLastSequenceNumber();
            engine.appendEvents(event(id, last == null ? 0 : last + 1));
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** Events per second streamed from the first, payloads deserialized; at most {@code limit} events. */
    private double replay(EventStorageEngine engine, int limit) {
        long deadline = System.nanoTime() + sizes.maxSecondsPerMeasurement() * 1_000_000_000L;
        long start = System.nanoTime();
        int count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext() && count < limit && System.nanoTime() < deadline) {
                it.next().getPayload();
                count++;
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** The store's own limit: documents exactly like our stored events, inserted by the driver. */
    private void rawInsertLimit(MongoDatabase database, school.evidence.ledger.LedgerReader ourLedger, Measured ours) {
        Document sample = new Document(ourLedger.atPositions(List.of(1L)).get(0).storedFields());
        sample.remove("_id");
        MongoCollection<Document> raw = database.getCollection("raw");
        Figure.Reps single = new Figure.Reps();
        Figure.Reps batched = new Figure.Reps();
        insert(raw, sample, sizes.engineOps() / 5, 1); // warm-up
        for (int rep = 0; rep < sizes.repetitions(); rep++) {
            single.add(insert(raw, sample, sizes.engineOps(), 1));
            batched.add(insert(raw, sample, sizes.engineOps() * 10, 100));
        }
        Figure one = Figure.of(SECTION, "raw driver insertMany, 1 document per call", "docs/s", single.values,
                               null, true, "same size as a stored event");
        Figure hundred = Figure.of(SECTION, "raw driver insertMany, 100 documents per call", "docs/s",
                                   batched.values, null, true, "same size as a stored event");
        report.add(one);
        report.add(hundred);
        report.add(Figure.of(SECTION, "ours load + append ÷ raw insert (1 per call)", "×",
                             List.of(ours.appendsPerSecond() / one.median()), 0.5, true, "medians"));
    }

    private static double insert(MongoCollection<Document> raw, Document sample, int docs, int perCall) {
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>(perCall);
        for (int i = 0; i < docs; i++) {
            batch.add(new Document(sample));
            if (batch.size() == perCall) {
                raw.insertMany(batch);
                batch = new ArrayList<>(perCall);
            }
        }
        if (!batch.isEmpty()) {
            raw.insertMany(batch);
        }
        return docs / ((System.nanoTime() - start) / 1e9);
    }

    private static DomainEventMessage<?> event(String id, long seq) {
        MonitoringDetails details = new MonitoringDetails(
                LocalDate.of(2025, 10, 1 + (int) (seq % 28)), "DHT",
                new MonitoringDetails.Focus("Reading", List.of("Y4", "Y5")),
                List.of("Clear modelling of inference with a shared text; pupils used sentence stems confidently",
                        "Adaptive teaching: the teaching assistant pre-taught vocabulary to a small group"),
                List.of("Pace in independent work after the input; some pupils waited for help",
                        "Questioning did not yet check understanding of all groups before moving on"),
                List.of("108520-2025-26-a1", "108520-2025-26-a4"));
        return new GenericDomainEventMessage<>("MonitoringActivity", id, seq,
                                               new MonitoringActivityRecorded(id, "100000", "100000-2025-26",
                                                                              MonitoringType.LESSON_VISIT, details),
                                               MetaData.with("schoolUrn", "100000").and("actor", "bench"));
    }

    private static HikariDataSource postgres(String url) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(config);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS domainevententry");
            s.execute("DROP TABLE IF EXISTS snapshotevententry");
        }
        return ds;
    }
}
