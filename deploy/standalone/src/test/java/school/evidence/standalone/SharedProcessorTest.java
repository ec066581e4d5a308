package school.evidence.standalone;

import com.mongodb.client.MongoClient;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.command.CommandSideApplication;
import school.evidence.query.QuerySideApplication;
import school.evidence.query.ReadModelProcessors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.standalone.ReadModelChecks.assertSameAsRebuild;
import static school.evidence.standalone.ReadModelChecks.await;

/**
 * The rebuildable read models are fed by two processors (the quick ones and the rest), which read each event once
 * for all of their read models. After a
 * randomised stream of writes (actions, monitoring, RAG judgements, planned monitoring, meetings, challenges), a query
 * node killed in the middle of its catch-up (its store connection cut first, so a batch's writes and its position are
 * cut off part-way) and a stretch of events handed to every read model again (as a redelivery after a crash), each
 * read model equals a rebuild from the ledger, document by document.
 */
class SharedProcessorTest {

    private static final List<String> SCHOOLS = List.of("100201", "100202", "100203", "100204");
    private static final String[] QUERY_NODE = {"--evidence.demo.schools=*", "--evidence.processors.claim-timeout=PT3S",
            "--evidence.processors.claim-interval=PT0.3S"};
    private static final String[] HALF_TERMS = {"AUTUMN_1", "AUTUMN_2", "SPRING_1", "SPRING_2"};
    private static final String[] RAGS = {"RED", "AMBER", "GREEN"};

    private SharedStoreNodes cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void readModelsFedByTheSharedProcessorEndEqualToARebuildAfterAKillMidBatchAndRedeliveries() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        cluster = new SharedStoreNodes().start(CommandSideApplication.class, 1, "--evidence.demo.schools=*");
        Api slt = new Api(cluster.base(0), "slt");
        List<Scenario> schools = new ArrayList<>();
        for (String urn : SCHOOLS) {
            schools.add(Scenario.upToTheLessonVisit(slt, urn));
        }
        assertThat(write(slt, schools, random, 1_200)).as("writes acknowledged, seed " + seed).isGreaterThan(1_000);

        ConfigurableApplicationContext first = cluster.start(QuerySideApplication.class, 1, QUERY_NODE).nodes.get(1);
        long head = head(first);
        await(() -> position(first) > 0, "the read models' processors under way");
        assertThat(position(first)).as("still catching up when the node is killed").isLessThan(head);
        first.getBean(MongoClient.class).close(); // it can no longer store its batch or its position
        first.close();
        cluster.nodes.remove(first);

        assertThat(write(slt, schools, random, 100)).as("writes acknowledged, seed " + seed).isGreaterThan(80);
        ConfigurableApplicationContext second = cluster.start(QuerySideApplication.class, 1, QUERY_NODE).nodes.get(1);
        awaitCaughtUp(second);

        // a stretch handed again: the processor's position moved back, as if a crash had lost it
        long back = 1 + random.nextLong(head(second) / 2);
        rewind(second, back);
        awaitCaughtUp(second);
        for (TrackingEventProcessor processor : processors(second)) {
            assertThat(processor.processingStatus()).as(processor.getName() + ": one segment").hasSize(1);
        }
        assertSameAsRebuild(second);
    }

    /** Each school's client writes at random; returns how many writes were acknowledged. */
    private static int write(Api api, List<Scenario> schools, Random random, int commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(schools.size());
        List<Future<Integer>> clients = new ArrayList<>();
        for (int s = 0; s < schools.size(); s++) {
            Scenario school = schools.get(s);
            String urn = SCHOOLS.get(s);
            Random own = new Random(random.nextLong());
            clients.add(pool.submit(() -> new RandomSchool(api, urn, school, own).write(commands / schools.size())));
        }
        int acknowledged = 0;
        for (Future<Integer> client : clients) {
            acknowledged += client.get();
        }
        pool.shutdown();
        return acknowledged;
    }

    /** One school's writes: whatever it has so far (actions, activities) is what later writes cite. */
    private record RandomSchool(Api api, String urn, Scenario school, Random random, List<String> actions,
                                List<String> activities) {

        RandomSchool(Api api, String urn, Scenario school, Random random) {
            this(api, urn, school, random, new ArrayList<>(List.of(school.actionId)),
                 new ArrayList<>(List.of(school.activityId)));
        }

        int write(int commands) {
            int acknowledged = 0;
            for (int i = 0; i < commands; i++) {
                String action = pick(actions);
                Api.Reply reply = switch (random.nextInt(10)) {
                    case 0, 1, 2 -> api.postJson("/api/plans/" + school.planId + "/actions", Map.of(
                            "sectionId", school.sectionId, "number", "2." + i + "." + random.nextInt(1000),
                            "title", "Action " + i));
                    case 3, 4, 5 -> api.postJson("/api/schools/" + urn + "/monitoring", Map.of(
                            "type", "LESSON_VISIT", "occurredOn", "2023-10-" + (10 + random.nextInt(18)),
                            "lead", "DHT", "focus", Map.of("subject", "Reading", "yearGroups", List.of("Y4")),
                            "strengths", List.of("Clear modelling " + i), "actionIds", List.of(action)));
                    case 6, 7 -> api.postJson("/api/plans/" + school.planId + "/actions/" + action + "/rag", Map.of(
                            "halfTerm", pick(HALF_TERMS), "status", pick(RAGS), "rationale", "Seen in visits " + i,
                            "evidence", List.of(pick(activities))));
                    case 8 -> api.postJson("/api/plans/" + school.planId + "/schedule", Map.of(
                            "halfTerm", pick(HALF_TERMS), "type", "LESSON_VISIT", "subject", "Reading",
                            "actionIds", List.of(action)));
                    default -> api.postJson("/api/schools/" + urn + "/meetings", Map.of(
                            "kind", "FULL_BOARD", "heldOn", "2023-11-0" + (1 + random.nextInt(9)), "title", "Review " + i));
                };
                if (reply.status() == 201) {
                    acknowledged++;
                    if (reply.body().hasNonNull("activityId")) {
                        activities.add(reply.text("activityId"));
                    } else if (reply.body().hasNonNull("actionId") && !actions.contains(reply.text("actionId"))) {
                        actions.add(reply.text("actionId"));
                    } else if (reply.body().hasNonNull("meetingId") && random.nextBoolean()) {
                        challenge(reply.text("meetingId"), action, i);
                    }
                }
            }
            return acknowledged;
        }

        private void challenge(String meeting, String action, int i) {
            api.postJson("/api/schools/" + urn + "/challenges", Map.of(
                    "planId", school.planId, "actionId", action, "meetingId", meeting, "raisedOn", "2023-11-01",
                    "raisedBy", "Chair", "question", "How do you know action " + i + " works?"));
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private String pick(String[] from) {
            return from[random.nextInt(from.length)];
        }
    }

    private static void rewind(ConfigurableApplicationContext node, long to) {
        TokenStore tokens = node.getBean(TokenStore.class);
        for (TrackingEventProcessor processor : processors(node)) {
            processor.shutDown();
            tokens.fetchToken(processor.getName(), 0); // claims it
            tokens.storeToken(GapAwareTrackingToken.newInstance(to, List.of()), processor.getName(), 0);
            tokens.releaseClaim(processor.getName(), 0);
            processor.start();
        }
    }

    private static void awaitCaughtUp(ConfigurableApplicationContext node) {
        long head = head(node);
        await(() -> position(node) >= head, "the read models' processors at the ledger's head " + head);
    }

    /** The position of the processor furthest behind; -1 while one has not claimed its segment (just started). */
    private static long position(ConfigurableApplicationContext node) {
        return processors(node).stream()
                               .mapToLong(p -> p.processingStatus().isEmpty() ? -1
                                       : p.processingStatus().values().stream()
                                          .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1))
                               .min().orElse(-1);
    }

    private static List<TrackingEventProcessor> processors(ConfigurableApplicationContext node) {
        return ReadModelProcessors.SHARED_PROCESSORS.stream().map(name -> node.getBean(Configuration.class)
                .eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class).orElseThrow())
                .toList();
    }

    private static long head(ConfigurableApplicationContext node) {
        return node.getBean(EventStorageEngine.class).createHeadToken().position().orElseThrow();
    }
}
