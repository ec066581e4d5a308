package school.evidence.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes on one database (the real driver, the in-process server): one holds a job until its lease lapses. */
class ClusterLeasesTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T09:00:00Z"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void oneNodeHoldsAJobWhileItRenewsAndAnotherTakesItOverOnlyOnceItLapses() {
        MongoDatabase db = client.getDatabase("evidence");
        ClusterLeases a = new ClusterLeases(db, clock());
        ClusterLeases b = new ClusterLeases(db, clock());
        Duration length = Duration.ofMinutes(15);

        assertThat(a.take("checkpoints", length)).isTrue();
        assertThat(b.take("checkpoints", length)).as("held by the first node").isFalse();
        assertThat(b.take("retention", length)).as("another job is free").isTrue();
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThat(a.take("checkpoints", length)).as("the holder renews").isTrue();
        now.set(now.get().plus(Duration.ofMinutes(10)));
        assertThat(b.take("checkpoints", length)).as("renewed 10 minutes ago: still held").isFalse();
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertThat(b.take("checkpoints", length)).as("the holder stopped: lapsed, taken over").isTrue();
        assertThat(a.take("checkpoints", length)).as("the old holder is now refused").isFalse();
        assertThat(a.node()).isNotEqualTo(b.node());
        b.close(); // a clean shutdown lets its jobs go at once
        assertThat(a.take("checkpoints", length)).isTrue();
        assertThat(a.take("retention", length)).isTrue();
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
