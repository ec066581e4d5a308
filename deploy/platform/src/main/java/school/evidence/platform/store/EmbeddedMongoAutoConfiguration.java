package school.evidence.platform.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
@EnableConfigurationProperties(StoreProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    /** The store behind the embedded server: in memory (tests), or the H2 file that survives restarts. */
    @Bean(destroyMethod = "") // closed by the server's shutdown
    public MongoBackend embeddedMongoBackend(StoreProperties store, DerivedCollections derived) {
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

    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(MongoBackend embeddedMongoBackend) {
        MongoServer server = new MongoServer(embeddedMongoBackend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
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
                new EmbeddedStoreMeters(durable.getMvStore()).bindTo(registry);
            }
        };
    }

    @Bean
    public MongoConnectionDetails embeddedMongoConnection(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString uri = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/evidence");
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
