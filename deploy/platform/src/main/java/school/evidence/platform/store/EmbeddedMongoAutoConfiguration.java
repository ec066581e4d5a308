package school.evidence.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import com.mongodb.ConnectionString;

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

    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(StoreProperties store, DerivedCollections derived) {
        MongoServer server;
        if (store.inMemory()) {
            server = new MongoServer(new MemoryBackend());
            log.info("Embedded MongoDB store in memory only");
        } else {
            try {
                Files.createDirectories(store.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create data folder " + store.dataDir(), e);
            }
            String file = store.dataDir().resolve("evidence.mv").toAbsolutePath().toString();
            server = new MongoServer(new DurableH2Backend(MVStore.open(file), derived::contains));
            log.info("Embedded MongoDB store in {}", file);
        }
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
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
