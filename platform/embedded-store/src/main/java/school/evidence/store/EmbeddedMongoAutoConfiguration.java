package school.evidence.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import com.mongodb.ConnectionString;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;

/**
 * With no MongoDB URI configured, start the in-process MongoDB wire-protocol server and point the real driver at
 * it: the same code path as production, in one process, with data in {@code evidence.store.data-dir}.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@Conditional(EmbeddedMongoAutoConfiguration.NoMongoUri.class)
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    /**
     * Collections the store need not commit each write of, because they can be made again (see the class). Empty
     * here: the launcher, which knows the read side, names them.
     */
    @Bean
    @ConditionalOnMissingBean
    public DerivedCollections derivedCollections() {
        return new DerivedCollections();
    }

    /** The store behind the embedded server: in memory (tests), or the H2 file that survives restarts. */
    @Bean(destroyMethod = "") // closed by the server's shutdown
    public MongoBackend embeddedMongoBackend(EmbeddedStoreProperties store, DerivedCollections derived) {
        if (store.inMemory()) {
            log.info("Embedded MongoDB store in memory only");
            return new MemoryBackend();
        }
        try {
            Files.createDirectories(store.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data folder " + store.dataDir(), e);
        }
        String file = store.dataDir().resolve("evidence.mv").toAbsolutePath().toString();
        log.info("Embedded MongoDB store in {}", file);
        return DurableH2Backend.open(file, store.chunkRetention(), (int) store.pageCache().toMegabytes(),
                                     derived::contains);
    }

    /**
     * On loopback, answering only connections that present the access key ({@link ServiceOnlyBackend}): a random key
     * per start, or {@code evidence.store.access-key} when an operator needs to reach the store for maintenance, on a
     * random port or {@code evidence.store.port}.
     */
    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(MongoBackend embeddedMongoBackend, StoreAccess embeddedStoreAccess) {
        MongoServer server = new MongoServer(new ServiceOnlyBackend(embeddedMongoBackend, embeddedStoreAccess.key()));
        server.bind(new InetSocketAddress("127.0.0.1", embeddedStoreAccess.port()));
        log.info("Embedded store on 127.0.0.1:{}; it answers only connections that present its access key ({})",
                 server.getLocalAddress().getPort(), embeddedStoreAccess.configured()
                         ? "evidence.store.access-key" : "a random key made at start: no other process can use the port");
        return server;
    }

    /** The key the store's connections must present, and the port it listens on. */
    public record StoreAccess(String key, int port, boolean configured) {
    }

    @Bean
    public StoreAccess embeddedStoreAccess(@Value("${evidence.store.access-key:}") String key,
                                           @Value("${evidence.store.port:0}") int port) {
        if (!key.isBlank() && (key.length() < 20 || key.length() > 100 || !key.matches("[A-Za-z0-9_-]+"))) {
            throw new IllegalArgumentException("evidence.store.access-key must be 20 to 100 letters, digits, '-' or '_'");
        }
        if (key.isBlank()) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return new StoreAccess(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random), port, false);
        }
        return new StoreAccess(key, port, true);
    }

    /**
     * Down once H2 has closed the store file (it does so after a failure it cannot recover from, such as running out
     * of heap while writing): every request would fail until a restart, so the probes say so (liveness: restart me).
     */
    @Bean("embeddedStoreHealthIndicator") // health component "embeddedStore"
    public HealthIndicator embeddedStoreHealthIndicator(MongoBackend embeddedMongoBackend) {
        return () -> embeddedMongoBackend instanceof DurableH2Backend durable && durable.getMvStore().isClosed()
                ? Health.down().withDetail("store", "closed by H2 after an unrecoverable error; restart the service")
                        .build()
                : Health.up().build();
    }

    /** The disk store's file size, live share and chunk writes (none for the in-memory store). */
    @Bean
    public MeterBinder embeddedStoreMeters(MongoBackend embeddedMongoBackend) {
        return registry -> {
            if (embeddedMongoBackend instanceof DurableH2Backend durable) {
                new EmbeddedStoreMeters(durable).bindTo(registry);
            }
        };
    }

    /** The service's own connection: its handshake names the access key as the application name. */
    @Bean
    public MongoConnectionDetails embeddedMongoConnection(MongoServer embeddedMongoServer, StoreAccess embeddedStoreAccess) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()
                                                            + "/evidence?appName=" + embeddedStoreAccess.key());
        return () -> uri;
    }

    static class NoMongoUri extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("spring.data.mongodb.uri");
            return uri == null || uri.isBlank()
                    ? ConditionOutcome.match("no spring.data.mongodb.uri: using the embedded store")
                    : ConditionOutcome.noMatch("spring.data.mongodb.uri is set");
        }
    }
}
