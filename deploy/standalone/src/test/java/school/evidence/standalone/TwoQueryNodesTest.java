package school.evidence.standalone;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.platform.axon.ClusterLeases;
import school.evidence.query.QuerySideApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-side nodes on one store: the schools' logs are signed once per interval across the cluster, by the node
 * holding the lease, not once on every node; one node does the read models' work, and when it stops the other takes
 * every processor over.
 */
class TwoQueryNodesTest {

    private static final long INTERVAL_MS = 200;

    private SharedStoreNodes cluster;
    private List<ConfigurableApplicationContext> nodes;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void checkpointsAreSignedOncePerIntervalAcrossTheClusterNotOncePerNode() throws Exception {
        cluster = new SharedStoreNodes().start(QuerySideApplication.class, 2,
                                               "--evidence.ledger.checkpoint-interval=PT0.2S");
        nodes = cluster.nodes;
        List<Double> before = rounds();
        long started = System.nanoTime();
        Thread.sleep(3_000);
        List<Double> after = rounds();
        long intervals = (System.nanoTime() - started) / 1_000_000 / INTERVAL_MS;
        double first = after.get(0) - before.get(0);
        double second = after.get(1) - before.get(1);
        assertThat(first + second).as("a node signs").isPositive();
        // both nodes signing would come to about twice the intervals; one holder comes to at most one a round
        assertThat(first + second).as("rounds signed across both nodes in %d intervals", intervals)
                                 .isLessThanOrEqualTo(intervals + 3); // a hand-over may share a round
    }

    @Test
    void whenTheNodeDoingTheReadModelsWorkStopsTheOtherTakesEveryProcessorOver() throws Exception {
        cluster = new SharedStoreNodes().start(QuerySideApplication.class, 2);
        nodes = cluster.nodes;
        String uri = cluster.uri;
        List<String> names = nodes.stream().map(n -> n.getBean(ClusterLeases.class).node()).toList();
        assertThat(names.get(0)).isNotEqualTo(names.get(1));
        com.mongodb.client.MongoClient reader = com.mongodb.client.MongoClients.create(uri); // outlives either node
        MongoCollection<Document> tokens = reader.getDatabase("evidence").getCollection("trackingtokens");
        List<String> owners = awaitOwners(tokens, o -> o.size() == 1 && names.containsAll(o));
        assertThat(owners).as("one node holds every processor").hasSize(1);
        int holder = names.indexOf(owners.get(0));
        nodes.remove(holder).close(); // a clean stop lets its claims go
        String other = names.get(1 - holder);
        assertThat(awaitOwners(tokens, o -> o.equals(List.of(other))))
                .as("the other node took every processor over").containsExactly(other);
        reader.close();
    }

    /** The distinct owners of the processors' claims, once they satisfy {@code done} (or after 30 s). */
    private static List<String> awaitOwners(MongoCollection<Document> tokens, Predicate<List<String>> done)
            throws Exception {
        List<String> owners = List.of();
        for (int i = 0; i < 300; i++) {
            owners = new ArrayList<>();
            for (Document token : tokens.find()) {
                if (!owners.contains(token.getString("owner"))) {
                    owners.add(token.getString("owner"));
                }
            }
            if (done.test(owners)) {
                return owners;
            }
            Thread.sleep(100);
        }
        return owners;
    }

    private List<Double> rounds() {
        return nodes.stream().map(n -> n.getBean(MeterRegistry.class).find("evidence.ledger.checkpoint.rounds")
                                        .counters().stream().mapToDouble(c -> c.count()).sum()).toList();
    }
}
