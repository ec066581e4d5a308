package school.evidence.platform.axon;

import org.springframework.beans.factory.annotation.Value;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.platform.proof.MisconfiguredKey;
import school.evidence.platform.proof.WriteReceipts;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import school.evidence.ledger.LedgerConcerns;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import school.evidence.kernel.SchoolEvent;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import school.evidence.kernel.retention.RetentionSchedule;
import school.evidence.ledger.LedgerSerializers;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.MongoLedgerStorageEngine;

import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Axon on our ledger engine: the one event store both sides use (the command side appends and loads aggregates,
 * the query side streams), the MongoDB token store from axon-mongo, and Jackson for everything.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, afterName = "school.evidence.store.EmbeddedMongoAutoConfiguration",
                   before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(StoreProperties.class)
public class LedgerAutoConfiguration {

    public static final String SCHOOL_METADATA = "schoolUrn";

    /** The database named in the connection string, else {@code evidence}. */
    static String databaseName(MongoConnectionDetails connection) {
        String name = connection.getConnectionString().getDatabase();
        return name == null || name.isBlank() ? "evidence" : name;
    }

    /** Fail fast when the database is unreachable (the driver's default waits 30 s): writes answer 503 instead. */
    @Bean
    public MongoClientSettingsBuilderCustomizer failFastWhenUnreachable(StoreProperties store,
                                                                       MongoConnectionDetails connection) {
        return builder -> {
            var uri = connection.getConnectionString();
            if (uri.getServerSelectionTimeout() == null) {
                boolean replicaSet = uri.getRequiredReplicaSetName() != null || uri.getHosts().size() > 1;
                builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        store.serverWait(replicaSet).toMillis(), TimeUnit.MILLISECONDS));
            }
        };
    }

    /**
     * Every collection (the ledger, its logs and keys, read models, processors' positions) writes with
     * {@code w:majority, j:true} and reads majority-committed data from the primary: on a replica set nothing a
     * client was told is stored can be rolled back, and no read model or position covers an event that may be.
     */
    @Bean
    public MongoClientSettingsBuilderCustomizer majorityConcerns() {
        return builder -> builder.writeConcern(LedgerConcerns.WRITE).readConcern(LedgerConcerns.READ)
                                 .readPreference(LedgerConcerns.FROM);
    }

    /**
     * The database; with {@code evidence.restore.from} set, an archive (or the newest chain in a backups folder) is
     * first restored into it and verified, before anything else reads or writes it.
     */
    @Bean
    public MongoDatabase evidenceDatabase(MongoClient client, MongoConnectionDetails connection, StoreProperties store,
                                          @Value("${evidence.restore.from:}") String restoreFrom,
                                          @Value("${evidence.ledger.public-key:}") String publicKey,
                                          @Value("${evidence.demo.enabled:false}") boolean demo,
                                          @Value("${evidence.restore.accept-unsigned:false}") boolean acceptUnsigned) {
        // the ledger's concerns even where a connection string asks for less (w=1, readConcernLevel=local)
        MongoDatabase database = LedgerConcerns.durable(client.getDatabase(databaseName(connection)));
        if (!restoreFrom.isBlank()) {
            school.evidence.platform.backup.LedgerArchives.restoreAtStart(database, java.nio.file.Path.of(restoreFrom.strip()),
                                                                          publicKey, demo, store.writeDeadline(),
                                                                          acceptUnsigned);
        }
        return database;
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return LedgerSerializers.framework();
    }

    /** The leases that make a scheduled job run once across the cluster. */
    @Bean
    public ClusterLeases clusterLeases(MongoDatabase evidenceDatabase) {
        return new ClusterLeases(evidenceDatabase, java.time.Clock.systemUTC());
    }

    /**
     * Per-data-subject keys for crypto-shredding, wrapped by {@code evidence.privacy.key-encryption-key} (32 bytes,
     * base64; print one with {@code openssl rand -base64 32}). Demo mode only: a demo key kept in the database.
     */
    @Bean
    public SubjectKeys subjectKeys(MongoDatabase evidenceDatabase,
                                   @Value("${evidence.privacy.key-encryption-key:}") String configured,
                                   @Value("${evidence.demo.enabled:false}") boolean demo) {
        byte[] kek;
        if (!configured.isBlank()) {
            try {
                kek = java.util.Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new MisconfiguredKey(KEK, "is not base64", KEK_HOW, e);
            }
            if (kek.length != 32) {
                throw new MisconfiguredKey(KEK, "must be 32 bytes (256 bits); it is " + kek.length, KEK_HOW);
            }
        } else if (demo) {
            kek = demoKeyEncryptionKey(evidenceDatabase);
        } else {
            throw new MisconfiguredKey(KEK, "is not set and demo mode is off: personal data could not be encrypted",
                                       KEK_HOW);
        }
        SubjectKeys keys = new SubjectKeys(evidenceDatabase, kek);
        if (!keys.opensTheStore()) {
            throw new MisconfiguredKey(KEK, "is not the key this store's personal data was encrypted with: with it, "
                    + "nothing recorded so far could be read", "Start with the key-encryption key the store was "
                    + "written with (from your secrets store or backup). A new key cannot be used on existing data.");
        }
        return keys;
    }

    private static final String KEK = "evidence.privacy.key-encryption-key";
    private static final String KEK_HOW = "Set it to 32 random bytes, base64 (openssl rand -base64 32), and keep it "
            + "safe: without it nothing personal can be read back.";


    private static byte[] demoKeyEncryptionKey(MongoDatabase database) {
        var store = database.getCollection("privacy_demo_kek");
        org.bson.Document found = store.find(new org.bson.Document("_id", "demo")).first();
        if (found == null) {
            byte[] fresh = new byte[32];
            new java.security.SecureRandom().nextBytes(fresh);
            try {
                store.insertOne(new org.bson.Document("_id", "demo")
                                        .append("key", java.util.Base64.getEncoder().encodeToString(fresh)));
            } catch (com.mongodb.MongoWriteException raced) {
                // another node made it first: use theirs
            }
            found = store.find(new org.bson.Document("_id", "demo")).first();
        }
        return java.util.Base64.getDecoder().decode(found.getString("key"));
    }

    /**
     * Retention periods by record type: the defaults below, each replaceable by
     * {@code evidence.retention.years.<TYPE>} (0 keeps that type until someone decides). Unknown types refuse to start.
     */
    @Bean
    public RetentionSchedule retentionSchedule(Environment environment) {
        Map<String, Integer> years = new TreeMap<>(RetentionSchedule.DEFAULT_YEARS);
        Set<String> known = new TreeSet<>(RetentionSchedule.DEFAULT_YEARS.keySet());
        Binder.get(environment)
                .bind("evidence.retention.years",
                      Bindable.mapOf(String.class, Integer.class))
                .orElse(Map.of())
                .forEach((type, n) -> {
                    String name = type.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                    if (!known.contains(name)) {
                        throw new IllegalStateException("evidence.retention.years." + type + ": no such record type; "
                                + "use one of " + known);
                    }
                    if (n == null || n == 0) {
                        years.remove(name);
                    } else {
                        years.put(name, n);
                    }
                });
        return new RetentionSchedule(years);
    }

    /**
     * Starting points in the style of school records-management schedules ("current academic year + N"): findings
     * about children (pupil voice, progress meetings) 3 years, other monitoring and governors' challenge 6. Each
     * school sets its own in its records-management policy.
     */
    /** Events: JSON, with personal fields encrypted per data subject (see PersonalData). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(SubjectKeys subjectKeys) {
        return new PersonalDataSerializer(LedgerSerializers.events(), subjectKeys);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return LedgerSerializers.events();
    }

    @Bean
    public MongoLedgerStorageEngine ledgerStorageEngine(MongoDatabase evidenceDatabase,
                                                        @Qualifier("eventSerializer") Serializer eventSerializer,
                                                        StoreProperties store) {
        return MongoLedgerStorageEngine.builder()
                                       .database(evidenceDatabase)
                                       .eventSerializer(eventSerializer)
                                       .snapshotSerializer(eventSerializer)
                                       .partitionResolver(m -> (String) m.getMetaData().get(SCHOOL_METADATA))
                                       .gapTimeout(store.gapTimeout())
                                       .writeDeadline(store.writeDeadline())
                                       .trackedBatchSize(store.readBatch())
                                       // each request's stored events, for the receipts its reply carries
                                       .appendListener(WriteReceipts::collect)
                                       .build();
    }

    /** The one way to read the ledger outside the event stream: the collections the engine writes. */
    @Bean
    public LedgerReader ledgerReader(MongoLedgerStorageEngine ledgerStorageEngine) {
        return ledgerStorageEngine.reader();
    }

    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         StoreProperties store,
                                         @Value("${spring.data.mongodb.uri:}") String mongoUri) {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                // a query node in another process learns of new events only by polling; on the embedded store
                // (no URI) every append is this process's own and wakes the readers itself
                .fetchDelay(store.pollEvery(mongoUri.isBlank()).toMillis())
                .cleanupDelay(10_000)
                .cachedEvents(store.cachedEvents())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
        // every stored event names its school in metadata; the ledger indexes it
        eventStore.registerDispatchInterceptor(messages -> (i, message) ->
                message.getPayload() instanceof SchoolEvent school
                        ? message.andMetaData(Map.of(SCHOOL_METADATA, school.schoolUrn()))
                        : message);
        return eventStore;
    }

    @Bean
    public TokenStore tokenStore(MongoClient client, MongoConnectionDetails connection, Serializer serializer,
                                 ClusterLeases node,
                                 @Value("${evidence.processors.claim-timeout:PT10S}") java.time.Duration claimTimeout) {
        // claims name the node as its leases do: host, pid and a random part, unique even for two in one process;
        // a claim its node has not renewed for the timeout (the node crashed) may be taken by another; an idle
        // processor's claims are renewed a few times within that timeout, not every second
        return new ThrottledClaims(MongoTokenStore.builder()
                              .nodeId(node.node())
                              .claimTimeout(claimTimeout)
                              .mongoTemplate(DefaultMongoTemplate.builder()
                                                                 .mongoDatabase(client,
                                                                                databaseName(connection))
                                                                 .trackingTokensCollectionName(TRACKING_TOKENS)
                                                                 .build())
                              .serializer(serializer)
                              .build(), claimTimeout, java.time.Clock.systemUTC());
    }

    /** The processors' positions as stored, for a page waiting on segments other nodes hold. */
    @Bean
    public TokenPositions tokenPositions(MongoClient client, MongoConnectionDetails connection, Serializer serializer) {
        return new TokenPositions(client.getDatabase(databaseName(connection)), serializer);
    }

    /** Axon's default name, named here because the processors' positions can be made again from the ledger. */
    public static final String TRACKING_TOKENS = "trackingtokens";

    /** Copies who did it, and why, from each command onto the events it causes. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(CommandMetadata.ACTOR, CommandMetadata.ACTOR_ROLE,
                                                 CommandMetadata.REASON, CommandMetadata.REQUEST_ID);
    }

    /** Correlation and causation ids (Axon's default, re-declared because we add our own provider). */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
