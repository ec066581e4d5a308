package school.evidence.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.command.CommandSideApplication;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.ledger.RawLedger;
import school.evidence.platform.axon.ClusterLeases;
import school.evidence.query.QuerySideApplication;
import school.evidence.query.cluster.ProcessorClaims;
import school.evidence.query.replay.ProjectionRebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.standalone.ReadModelChecks.assertSameAsRebuild;
import static school.evidence.standalone.ReadModelChecks.await;

/**
 * The cluster Compose and Kubernetes run, on one store: two command-side nodes taking writes from eight clients, and
 * two query-side nodes sharing each read model's work (two segments each). What was acknowledged is in the ledger
 * once; every read model ends as a rebuild from the ledger makes it (nothing applied twice, nothing missed); both
 * query nodes did part of the work. And a query node killed in the middle of a catch-up leaves its segments to the
 * other once its claims lapse, with the read models again equal to a rebuild.
 */
class SeveralNodesTest {

    private static final int CLIENTS = 8;
    private static final int COMMANDS = 2_000;
    private static final List<String> SCHOOLS = List.of("100101", "100102", "100103", "100104");
    private static final String[] QUERY_NODE = {"--evidence.demo.schools=*", "--evidence.processors.segments=2",
            "--evidence.processors.claim-interval=PT0.3S", "--evidence.processors.coordination-interval=PT0.3S",
            "--evidence.processors.claim-timeout=PT3S"};

    private SharedStoreNodes cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void twoThousandCommandsThroughTwoCommandNodesAreInTheLedgerOnceAndBothQueryNodesShareTheReadModels()
            throws Exception {
        cluster = new SharedStoreNodes().start(QuerySideApplication.class, 2, QUERY_NODE)
                                        .start(CommandSideApplication.class, 2, "--evidence.demo.schools=*");
        List<ConfigurableApplicationContext> query = cluster.nodes.subList(0, 2);
        Map<String, Set<String>> holders = new ConcurrentHashMap<>(); // node -> processors it held a segment of
        Thread watcher = watchClaims(query.get(0).getBean(ProcessorClaims.class), query, holders);

        Written written = write(List.of(new Api(cluster.base(2), "slt"), new Api(cluster.base(3), "slt")));
        assertThat(written.refused).as("writes not acknowledged").isEmpty();
        MongoDatabase db = query.get(0).getBean(MongoDatabase.class);
        for (Scenario school : written.schools) {
            assertThat(count(db, ActionAdded.class, school.planId)).as("actions in the ledger of " + school.planId)
                    .isEqualTo(1 + written.actions.get(school.planId).get());
        }
        assertThat(count(db, MonitoringActivityRecorded.class, null)).as("monitoring in the ledger")
                .isEqualTo(SCHOOLS.size() + written.monitoring.get());

        awaitCaughtUp(query);
        watcher.interrupt();
        assertSameAsRebuild(query.get(0));
        for (ConfigurableApplicationContext node : query) {
            String name = node.getBean(ClusterLeases.class).node();
            assertThat(holders.getOrDefault(name, Set.of())).as("read models %s worked on", name).isNotEmpty();
            assertThat(processed(node)).as("events %s processed", name).isPositive();
        }

        // an operator's rebuild on one node while the other holds part of it: the other stops it meanwhile
        ProjectionRebuild.Result rebuilt = query.get(1).getBean(ProjectionRebuild.class).rebuildAndSwap("action-timeline");
        assertThat(rebuilt.swapped()).isTrue();
        Api slt = new Api(cluster.base(2), "slt");
        for (int i = 0; i < 10; i++) {
            assertThat(slt.post("/api/schools/" + SCHOOLS.get(i % SCHOOLS.size()) + "/monitoring",
                                Scenario.lessonVisit(written.schools.get(i % SCHOOLS.size()).actionId)).status())
                    .isEqualTo(201);
        }
        awaitCaughtUp(query);
        await(() -> query.stream().allMatch(n -> status(n).getOrDefault("read-models", Map.of()).size() == 1),
              "both nodes share the read models' processor again");
        assertSameAsRebuild(query.get(0));
    }

    @Test
    void aQueryNodeKilledMidCatchUpLeavesItsSegmentsToTheOtherAndTheReadModelsEndComplete() throws Exception {
        cluster = new SharedStoreNodes().start(CommandSideApplication.class, 1, "--evidence.demo.schools=*");
        Written written = write(List.of(new Api(cluster.base(0), "slt")));
        assertThat(written.refused).isEmpty();
        cluster.start(QuerySideApplication.class, 2, QUERY_NODE);
        List<ConfigurableApplicationContext> query = new ArrayList<>(cluster.nodes.subList(1, 3));
        long head = head(query.get(0));
        await(() -> query.stream().allMatch(n -> status(n).getOrDefault("read-models", Map.of()).size() == 1),
              "both query nodes hold a segment of the read models");
        assertThat(caughtUp(query, head)).as("still catching up when the node is killed").isFalse();

        ConfigurableApplicationContext killed = query.remove(0);
        String killedName = killed.getBean(ClusterLeases.class).node();
        killed.getBean(MongoClient.class).close(); // it can no longer let its claims go: they lapse after 3 s
        killed.close();
        cluster.nodes.remove(killed);

        awaitCaughtUp(query);
        ProcessorClaims claims = query.get(0).getBean(ProcessorClaims.class);
        String survivor = query.get(0).getBean(ClusterLeases.class).node();
        for (String processor : status(query.get(0)).keySet()) {
            assertThat(claims.of(processor)).as("segments of " + processor)
                    .allSatisfy(c -> assertThat(c.owner()).isEqualTo(survivor).isNotEqualTo(killedName));
        }
        assertSameAsRebuild(query.get(0));
    }

    private record Written(List<Scenario> schools, Map<String, AtomicInteger> actions, AtomicInteger monitoring,
                           List<String> refused) {
    }

    /** Eight clients, spread over the command nodes, add actions to the four schools' plans and record monitoring. */
    private static Written write(List<Api> nodes) throws Exception {
        List<Scenario> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS.size(); i++) {
            schools.add(Scenario.upToTheLessonVisit(nodes.get(i % nodes.size()), SCHOOLS.get(i)));
        }
        Map<String, AtomicInteger> actions = new HashMap<>();
        schools.forEach(s -> actions.put(s.planId, new AtomicInteger()));
        AtomicInteger monitoring = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Api api = nodes.get(c % nodes.size());
            clients.add(pool.submit(() -> {
                List<String> refused = new ArrayList<>();
                for (int i = 0; i < COMMANDS / CLIENTS; i++) {
                    Scenario school = schools.get((client + i) % schools.size());
                    boolean action = i % 2 == 0; // the same plans from every client on both nodes at once
                    Api.Reply reply = action
                            ? api.post("/api/plans/" + school.planId + "/actions", "{\"sectionId\":\"" + school.sectionId
                                    + "\",\"number\":\"" + (client + 2) + "." + i + "\",\"title\":\"Action " + i + "\"}")
                            : api.post("/api/schools/" + SCHOOLS.get(schools.indexOf(school)) + "/monitoring",
                                       Scenario.lessonVisit(school.actionId));
                    if (reply.status() != 201) {
                        refused.add(reply.status() + " " + reply.raw().body());
                    } else if (action) {
                        actions.get(school.planId).incrementAndGet();
                    } else {
                        monitoring.incrementAndGet();
                    }
                }
                return refused;
            }));
        }
        List<String> refused = new ArrayList<>();
        for (Future<List<String>> client : clients) {
            refused.addAll(client.get());
        }
        pool.shutdown();
        return new Written(schools, actions, monitoring, refused);
    }

    private static long count(MongoDatabase db, Class<?> type, String aggregateId) {
        return RawLedger.events(db).countDocuments(aggregateId == null
                ? Filters.eq("payloadType", type.getName())
                : Filters.and(Filters.eq("aggregateId", aggregateId), Filters.eq("payloadType", type.getName())));
    }

    /** Until each segment of every processor, on whichever node holds it, has reached the ledger's head. */
    private static void awaitCaughtUp(List<ConfigurableApplicationContext> nodes) {
        long head = head(nodes.get(0));
        await(() -> caughtUp(nodes, head), "read models caught up to " + head);
    }

    private static boolean caughtUp(List<ConfigurableApplicationContext> nodes, long head) {
        Map<String, Set<Integer>> done = new HashMap<>();
        for (ConfigurableApplicationContext node : nodes) {
            status(node).forEach((processor, segments) -> segments.forEach((segment, s) -> {
                if (s.getCurrentPosition().orElse(-1) >= head) {
                    done.computeIfAbsent(processor, p -> new HashSet<>()).add(segment);
                }
            }));
        }
        ProcessorClaims claims = nodes.get(0).getBean(ProcessorClaims.class);
        return status(nodes.get(0)).keySet().stream().allMatch(
                p -> !claims.of(p).isEmpty() && done.getOrDefault(p, Set.of()).size() == claims.of(p).size());
    }

    private static Map<String, Map<Integer, EventTrackerStatus>> status(ConfigurableApplicationContext node) {
        Map<String, Map<Integer, EventTrackerStatus>> status = new HashMap<>();
        node.getBean(Configuration.class).eventProcessingConfiguration().eventProcessors().forEach((name, p) -> {
            if (p instanceof TrackingEventProcessor tracking) {
                status.put(name, tracking.processingStatus());
            }
        });
        return status;
    }

    private static long head(ConfigurableApplicationContext node) {
        return node.getBean(EventStorageEngine.class).createHeadToken().position().orElseThrow();
    }

    private static double processed(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).find("eventProcessor.processedCounter").counters().stream()
                   .mapToDouble(c -> c.count()).sum();
    }

    /** Notes, every 100 ms, which node holds a segment of which processor. */
    private static Thread watchClaims(ProcessorClaims claims, List<ConfigurableApplicationContext> nodes,
                                      Map<String, Set<String>> holders) {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String processor : status(nodes.get(0)).keySet()) {
                    claims.of(processor).stream().filter(c -> c.owner() != null).forEach(c -> holders
                            .computeIfAbsent(c.owner(), o -> ConcurrentHashMap.newKeySet()).add(processor));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
