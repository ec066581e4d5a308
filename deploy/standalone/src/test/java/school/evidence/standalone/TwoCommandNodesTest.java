package school.evidence.standalone;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.command.CommandSideApplication;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.ledger.RawLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side nodes on one store, as Compose and Kubernetes run them, writing to the same plan at once. Each node
 * locks a record only for itself, so the nodes race to append; the loser's append is refused (the other took the
 * sequence number) and it decides the command again on the plan as it now is. Every write is acknowledged, and each is
 * in the ledger once.
 */
class TwoCommandNodesTest {

    private static final int WRITERS = 8;
    private static final int EACH = 10;

    private SharedStoreNodes cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void writesToOnePlanFromBothNodesAtOnceAreAllAcknowledgedAndEachIsInTheLedgerOnce() throws Exception {
        cluster = new SharedStoreNodes().start(CommandSideApplication.class, 2);
        List<ConfigurableApplicationContext> nodes = cluster.nodes;
        List<Api> apis = List.of(new Api(cluster.base(0), "slt"), new Api(cluster.base(1), "slt"));
        Scenario s = Scenario.upToTheLessonVisit(apis.get(0), "108520");

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<String>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Api api = apis.get(w % 2); // half the writers on each node
            int writer = w;
            writers.add(pool.submit(() -> {
                List<String> refused = new ArrayList<>();
                for (int i = 0; i < EACH; i++) {
                    String number = (writer + 2) + "." + i;
                    Api.Reply reply = api.post("/api/plans/" + s.planId + "/actions", "{\"sectionId\":\"" + s.sectionId
                            + "\",\"number\":\"" + number + "\",\"title\":\"Action " + number + "\"}");
                    if (reply.status() != 201) {
                        refused.add(number + ": " + reply.status() + " " + reply.raw().body());
                    }
                }
                return refused;
            }));
        }
        List<String> refused = new ArrayList<>();
        for (Future<List<String>> writer : writers) {
            refused.addAll(writer.get());
        }
        pool.shutdown();

        assertThat(refused).as("writes not acknowledged").isEmpty();
        MongoDatabase db = nodes.get(0).getBean(MongoDatabase.class);
        assertThat(RawLedger.events(db).countDocuments(Filters.and(Filters.eq("aggregateId", s.planId),
                Filters.eq("payloadType", ActionAdded.class.getName()))))
                .as("the scenario's action and every one written, each once").isEqualTo(1 + WRITERS * EACH);
        double retries = nodes.stream().mapToDouble(n -> n.getBean(MeterRegistry.class)
                .find("evidence.commands.retries").counters().stream().mapToDouble(c -> c.count()).sum()).sum();
        assertThat(retries).as("the nodes raced: some appends lost and were decided again").isPositive();
    }
}
