package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.platform.access.AccessRules;
import school.evidence.platform.access.AccessRules.Rule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand generated requests across every write route: valid bodies bent out of shape (fields dropped, wrong
 * types, huge or broken text, operators, impossible dates), garbage bodies, odd path values, wrong content types,
 * repeated and reused Idempotency-Keys, other roles. Nothing may answer 5xx, and every event the ledger holds afterwards
 * must belong to a request that was answered 2xx (matched on the request id the reply and the event metadata carry).
 * A jqwik property with a fixed seed, so a failure can be replayed; the service runs once for the whole container.
 */
class WriteRoutesFuzzTest {

    static final int REQUESTS = 10_000;
    static final String SEED = "20261123";
    static final String URN = "100888";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Every write route but operations', from the service's own access rules (read once it has started). */
    private static List<Rule> routes = List.of();

    private static ConfigurableApplicationContext app;
    private static int port;
    private static MongoDatabase database;
    private static long startIndex;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> IDS = new LinkedHashMap<>();
    private static final Map<String, String> SPARE = new LinkedHashMap<>();
    private static final List<Sent> SENT = new ArrayList<>();
    private static final List<String> SERVER_ERRORS = new ArrayList<>();

    record Sent(String route, int status, String requestId, boolean replayed) {
    }

    /** One generated request: a route and caller, hostile values to draw on, and a seed for the shape decisions. */
    record Attempt(Rule rule, String user, List<String> texts, long shape) {
    }

    @BeforeContainer
    static void startTheServiceWithASchool() {
        app = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--evidence.store.in-memory=true", "--spring.application.name=write-fuzz",
                "--logging.level.root=WARN");
        port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        database = app.getBean(MongoDatabase.class);
        routes = app.getBean(AccessRules.class).rules().stream()
                    .filter(r -> r.method().name().equals("POST") && !r.path().startsWith("/api/operations"))
                    .sorted(java.util.Comparator.comparing(Rule::path)).toList(); // the seed replays one sequence
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario school = Scenario.upToTheLessonVisit(slt, URN);
        IDS.put("urn", URN);
        IDS.put("planId", school.planId);
        IDS.put("sectionId", school.sectionId);
        IDS.put("actionId", school.actionId);
        IDS.put("criterionId", school.criterionId);
        IDS.put("activityId", school.activityId);
        IDS.put("code", "P1");
        IDS.put("trustId", "fuzz-trust");
        slt.as("trust-officer").postJson("/api/trusts", Map.of("trustId", "fuzz-trust", "name", "Fuzz Trust"));
        String meeting = slt.postJson("/api/schools/" + URN + "/meetings", Map.of(
                "kind", "FULL_BOARD", "heldOn", "2023-11-01", "title", "Autumn board")).text("meetingId");
        IDS.put("meetingId", meeting);
        IDS.put("challengeId", slt.postJson("/api/schools/" + URN + "/challenges", Map.of(
                "planId", school.planId, "actionId", school.actionId, "meetingId", meeting, "raisedOn", "2023-11-01",
                "raisedBy", "Chair", "question", "How do we know?")).text("challengeId"));
        IDS.put("plannedId", slt.postJson("/api/plans/" + school.planId + "/schedule", Map.of(
                "halfTerm", "AUTUMN_2", "type", "BOOK_SCRUTINY", "who", "English lead")).text("plannedId"));
        // spare records for the routes that end something (withdraw, retract, close, cancel), so those do not
        // end the records every other route builds on in the first few hundred requests
        SPARE.put("actionId", slt.postJson("/api/plans/" + school.planId + "/actions", Map.of(
                "sectionId", school.sectionId, "number", "9", "title", "Spare", "priorities", List.of("P1")))
                                 .text("actionId"));
        SPARE.put("activityId", slt.post("/api/schools/" + URN + "/monitoring", Scenario.lessonVisit(school.actionId))
                                   .text("activityId"));
        SPARE.put("challengeId", slt.postJson("/api/schools/" + URN + "/challenges", Map.of(
                "planId", school.planId, "actionId", school.actionId, "meetingId", meeting, "raisedOn", "2023-11-02",
                "raisedBy", "Vice chair", "question", "And next?")).text("challengeId"));
        SPARE.put("plannedId", slt.postJson("/api/plans/" + school.planId + "/schedule", Map.of(
                "halfTerm", "SPRING_1", "type", "LEARNING_WALK", "who", "DHT")).text("plannedId"));
        startIndex = lastGlobalIndex();
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        Arbitrary<String> users = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("slt")),
                                                          Tuple.of(2, Arbitraries.of("subject-leader", "governor",
                                                                                     "trust-officer", "operator")));
        return Combinators.combine(Arbitraries.of(routes), users, hostileText().list().ofSize(6), Arbitraries.longs())
                          .as(Attempt::new);
    }

    @Property(tries = REQUESTS, seed = SEED, shrinking = ShrinkingMode.OFF)
    void aWriteRouteNeverAnswers5xx(@ForAll("attempts") Attempt attempt) throws Exception {
        Random random = new Random(attempt.shape());
        Deque<String> texts = new ArrayDeque<>(attempt.texts());
        Rule rule = attempt.rule();
        String path = path(rule.path(), random, texts);
        String body = body(rule.path(), random, texts);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (attempt.user() + ":demo").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        int roll = random.nextInt(20);
        request.header("Content-Type", roll == 0 ? "text/plain" : roll == 1 ? "application/xml"
                : rule.path().endsWith("plan-imports") && roll < 15 ? "text/csv" : "application/json");
        if (random.nextInt(10) < 3) {
            // a small pool, so keys are reused with the same and with different bodies
            request.header("Idempotency-Key", random.nextInt(20) == 0 ? "bad key " + "k".repeat(random.nextInt(300))
                    : "fuzz-" + random.nextInt(40));
        }
        if (rule.path().endsWith("/rag") && random.nextBoolean()) {
            // at most 4,000 characters: to a request head over 8 KB Tomcat answers 400 and closes at once, and the
            // unread rest can reset the connection before the client reads that reply (seen twice in CI); nothing
            // is stored either way, but the test needs a reply to account for every request
            request.header("If-Match", random.nextBoolean() ? "\"" + random.nextInt(5) + "\""
                    : atMost(4_000, next(texts).replaceAll("[^\\x20-\\x7E]", "?")));
        }
        HttpRequest built = request.build();
        HttpResponse<String> reply;
        try {
            reply = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("no reply to " + path + " headers=" + built.headers().map().entrySet().stream()
                    .map(h -> h.getKey() + ":" + String.join("", h.getValue()).length()).toList() + " body="
                    + body.length() + " " + abbreviate(body), e);
        }
        SENT.add(new Sent(rule.path(), reply.statusCode(), reply.headers().firstValue("X-Request-Id").orElse(null),
                          reply.headers().firstValue("Idempotent-Replayed").isPresent()));
        if (reply.statusCode() >= 500) {
            SERVER_ERRORS.add(reply.statusCode() + " " + path + " body=" + abbreviate(body) + " -> "
                                      + abbreviate(reply.body()));
        }
        assertThat(reply.statusCode()).as("%s %s -> %s", path, abbreviate(body), abbreviate(reply.body()))
                                      .isLessThan(500);
    }

    private static String atMost(int length, String text) {
        return text.substring(0, Math.min(text.length(), length));
    }

    @AfterContainer
    static void theLedgerHoldsOnlyAcknowledgedWrites() {
        try {
            Set<String> acknowledged = new HashSet<>();
            SENT.stream().filter(s -> s.status() / 100 == 2).forEach(s -> acknowledged.add(s.requestId()));
            Map<String, Integer> eventsByRequest = new TreeMap<>();
            List<String> unacknowledged = new ArrayList<>();
            for (Document event : RawLedger.events(database).find(Filters.gt(LedgerFields.GLOBAL_INDEX, startIndex))) {
                if (event.containsKey(LedgerFields.VOID) || event.getString(LedgerFields.META_DATA) == null) {
                    continue;
                }
                String requestId = Document.parse(event.getString(LedgerFields.META_DATA)).getString("requestId");
                eventsByRequest.merge(String.valueOf(requestId), 1, Integer::sum);
                if (!acknowledged.contains(requestId)) {
                    unacknowledged.add(event.getString("_id") + " from request " + requestId);
                }
            }
            List<String> lost = SENT.stream()
                    .filter(s -> s.status() / 100 == 2 && !s.replayed() && !s.route().endsWith("/checkpoints"))
                    .filter(s -> !eventsByRequest.containsKey(s.requestId()))
                    .map(s -> s.route() + " " + s.requestId()).toList();
            Map<Integer, Long> byStatus = new TreeMap<>();
            SENT.forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
            System.out.printf("FUZZ RESULT seed=%s requests=%d statuses=%s 5xx=%d events=%d unacknowledged=%d "
                                      + "acknowledged-without-event=%d%n", SEED, SENT.size(), byStatus,
                              SERVER_ERRORS.size(), eventsByRequest.values().stream().mapToInt(Integer::intValue).sum(),
                              unacknowledged.size(), lost.size());
            SERVER_ERRORS.stream().limit(20).forEach(e -> System.out.println("FUZZ 5xx " + e));
            Map<String, Long> acceptedByRoute = new TreeMap<>();
            SENT.stream().filter(s -> s.status() / 100 == 2)
                .forEach(s -> acceptedByRoute.merge(s.route() + (s.replayed() ? " (replayed)" : ""), 1L, Long::sum));
            System.out.println("FUZZ 2xx by route " + acceptedByRoute);
            assertThat(SENT).hasSize(REQUESTS);
            assertThat(SERVER_ERRORS).as("5xx replies").isEmpty();
            assertThat(unacknowledged).as("events no 2xx reply acknowledged").isEmpty();
            assertThat(lost).as("2xx writes with no event").isEmpty();
            assertThat(byStatus.keySet()).as("the generator reaches successes and refusals").contains(201, 400, 403);
        } finally {
            app.close();
        }
    }

    private static long lastGlobalIndex() {
        Document last = RawLedger.events(database).find().sort(new Document(LedgerFields.GLOBAL_INDEX, -1)).first();
        return last == null ? -1 : last.getLong(LedgerFields.GLOBAL_INDEX);
    }

    /** Text a hostile or careless client sends. */
    private static Arbitrary<String> hostileText() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars(' ', '-', '.').ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMinLength(1).ofMaxLength(3)),
                Tuple.of(2, Arbitraries.of("$where", "{\"$ne\":null}", "$gt", "a.b", "$", "..", "%00",
                                                         "'; drop table--", "<script>alert(1)</script>", "📚🏫", "ŵŷ",
                                                         "عربى", "", " ", "null", "true", "2023-02-30", "9999-12-31",
                                                         "0000-01-01", "-1", "1e400", "AMBER", "RED", "AUTUMN_1",
                                                         "LESSON_VISIT")),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(4_000).ofMaxLength(5_000)),
                Tuple.of(1, Arbitraries.just("z".repeat(25_000))));
    }

    private static String path(String pattern, Random random, Deque<String> texts) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean ends = pattern.matches(".*/(withdrawal|retraction|closure|cancellation)$");
            String value = ends && SPARE.containsKey(m.group(1)) ? SPARE.get(m.group(1)) : IDS.getOrDefault(m.group(1), "x");
            int roll = random.nextInt(10);
            if (roll == 0) {
                value = atMost(2_000, next(texts)); // see If-Match: a request head over 8 KB may get no reply
            } else if (roll == 1) {
                value = new ArrayList<>(IDS.values()).get(random.nextInt(IDS.size())); // an id of another kind
            }
            if (value.isEmpty()) {
                value = "-";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A valid body for the route, then bent: fields dropped, retyped, replaced with hostile values; or garbage. */
    private static String body(String route, Random random, Deque<String> texts) throws IOException {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return List.of("", "null", "[]", "{", "{\"a\":1,\"a\":2}", "not json", "{}}", "\"text\"",
                           "{\"type\":\"LESSON_VISIT\"} trailing").get(random.nextInt(9));
        }
        if (route.endsWith("plan-imports")) {
            return random.nextBoolean() ? "Priority,Statement\nP1,Reading\n" : next(texts);
        }
        Map<String, Object> body = template(route, random);
        int mutations = shape < 8 ? 0 : 1 + random.nextInt(3);
        List<Object> hostile = List.of(Map.of("$gt", ""), List.of(1, 2), 12345678901234567L, -1, true,
                                       Map.of("nested", Map.of("deeper", List.of())), 3.5);
        for (int i = 0; i < mutations; i++) {
            List<String> fields = new ArrayList<>(body.keySet());
            int kind = random.nextInt(5);
            if (kind == 0 && !fields.isEmpty()) {
                body.remove(fields.get(random.nextInt(fields.size())));
            } else if (kind == 1) {
                body.put(next(texts), "unexpected");
            } else if (!fields.isEmpty()) {
                String field = fields.get(random.nextInt(fields.size()));
                body.put(field, kind == 2 ? next(texts)
                        : kind == 3 ? hostile.get(random.nextInt(hostile.size())) : null);
            }
        }
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> template(String route, Random random) {
        Map<String, Object> b = new LinkedHashMap<>();
        String action = IDS.get("actionId");
        switch (route) {
            case "/api/schools" -> { b.put("urn", "1009" + (10 + random.nextInt(89))); b.put("name", "Fuzz School"); }
            case "/api/schools/{urn}/calendars" -> {
                b.put("academicYear", "2023-24");
                b.put("halfTerms", Map.of("AUTUMN_1", Map.of("start", "2023-09-04", "end", "2023-10-20"),
                                          "AUTUMN_2", Map.of("start", "2023-10-30", "end", "2023-12-20"),
                                          "SPRING_1", Map.of("start", "2024-01-04", "end", "2024-02-09"),
                                          "SPRING_2", Map.of("start", "2024-02-19", "end", "2024-03-28"),
                                          "SUMMER_1", Map.of("start", "2024-04-15", "end", "2024-05-24"),
                                          "SUMMER_2", Map.of("start", "2024-06-03", "end", "2024-07-19")));
            }
            case "/api/schools/{urn}/monitoring" -> {
                b.put("type", "LESSON_VISIT"); b.put("occurredOn", "2023-10-19"); b.put("lead", "DHT");
                b.put("focus", Map.of("subject", "Maths", "yearGroups", List.of("Y5")));
                b.put("strengths", List.of("Fluent recall")); b.put("actionIds", List.of(action));
                b.put("nextSteps", List.of(Map.of("text", "Reasoning prompts", "owner", "Maths lead", "dueOn", "2023-12-01")));
            }
            case "/api/monitoring/{activityId}/amendments" -> {
                b.put("occurredOn", "2023-10-12"); b.put("lead", "DHT"); b.put("strengths", List.of("Amended"));
                b.put("actionIds", List.of(action)); b.put("reason", "Typo");
            }
            case "/api/monitoring/{activityId}/retraction", "/api/plans/{planId}/priorities/{code}/withdrawal",
                 "/api/plans/{planId}/actions/{actionId}/withdrawal",
                 "/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/withdrawal",
                 "/api/plans/{planId}/schedule/{plannedId}/cancellation" -> b.put("reason", "Entered in error");
            case "/api/schools/{urn}/meetings" -> {
                b.put("kind", "COMMITTEE"); b.put("committee", "Standards"); b.put("heldOn", "2023-12-05");
                b.put("title", "Standards committee");
            }
            case "/api/schools/{urn}/challenges" -> {
                b.put("planId", IDS.get("planId")); b.put("actionId", action); b.put("meetingId", IDS.get("meetingId"));
                b.put("raisedOn", "2023-12-05"); b.put("raisedBy", "Chair"); b.put("question", "What changed?");
            }
            case "/api/challenges/{challengeId}/responses" -> b.put("answer", "Books show it");
            case "/api/challenges/{challengeId}/follow-ups" -> { b.put("followUp", "Show us in spring"); b.put("dueOn", "2024-03-01"); }
            case "/api/challenges/{challengeId}/closure" -> b.put("whatChanged", "Reading lessons now start with recall");
            case "/api/schools/{urn}/plans" -> { b.put("academicYear", "2024-25"); b.put("title", "SIP 2024-25"); }
            case "/api/plans/{planId}/priorities" -> { b.put("code", "P9"); b.put("statement", "Writing"); b.put("dueBy", List.of("SUMMER_2")); }
            case "/api/plans/{planId}/priorities/{code}/revisions" -> { b.put("statement", "Reading for all"); b.put("reason", "Sharper"); }
            case "/api/plans/{planId}/sections" -> { b.put("title", "Behaviour"); b.put("ofstedAreas", List.of("BEHAVIOUR_AND_ATTITUDES")); }
            case "/api/plans/{planId}/actions" -> {
                b.put("sectionId", IDS.get("sectionId")); b.put("number", "2"); b.put("title", "Phonics catch-up");
                b.put("priorities", List.of("P1"));
            }
            case "/api/plans/{planId}/actions/{actionId}/revisions" -> { b.put("title", "Phonics for all"); b.put("reason", "Scope"); }
            case "/api/plans/{planId}/carried-actions" -> {
                b.put("sectionId", IDS.get("sectionId")); b.put("number", "3"); b.put("fromPlanId", IDS.get("planId"));
                b.put("fromActionId", action);
            }
            case "/api/plans/{planId}/actions/{actionId}/criteria" -> { b.put("halfTerms", List.of("SPRING_1")); b.put("text", "Most pupils read fluently"); }
            case "/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/revisions" -> {
                b.put("halfTerms", List.of("SPRING_2")); b.put("text", "All pupils"); b.put("reason", "Ambition");
            }
            case "/api/plans/{planId}/actions/{actionId}/rag", "/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/rag" -> {
                b.put("halfTerm", "AUTUMN_1"); b.put("status", "AMBER"); b.put("rationale", "Seen in most classes");
                b.put("evidence", List.of(IDS.get("activityId")));
            }
            case "/api/plans/{planId}/schedule" -> { b.put("halfTerm", "SPRING_1"); b.put("type", "PUPIL_VOICE"); b.put("who", "SENCo"); }
            case "/api/plans/{planId}/schedule/{plannedId}/revisions" -> {
                b.put("halfTerm", "SPRING_2"); b.put("type", "PUPIL_VOICE"); b.put("who", "SENCo"); b.put("reason", "Moved");
            }
            case "/api/schools/{urn}/self-evaluations" -> {
                b.put("evaluatedOn", "2023-12-01");
                b.put("ratings", List.of(Map.of("coreElement", 2, "standard", "A", "rating", 2)));
            }
            case "/api/trusts" -> { b.put("trustId", "fuzz-" + random.nextInt(1000)); b.put("name", "A trust"); }
            case "/api/trusts/{trustId}/schools" -> { b.put("urn", URN); b.put("phase", "IMPROVE"); b.put("joinedOn", "2023-09-01"); }
            case "/api/trusts/{trustId}/schools/{urn}/phase" -> {
                b.put("phase", "SUSTAIN"); b.put("effectiveOn", "2024-01-01"); b.put("reason", "Review");
            }
            default -> { }
        }
        return b;
    }

    /** The next generated hostile value (they are cycled if a request needs more than were generated). */
    private static String next(Deque<String> texts) {
        String value = texts.removeFirst();
        texts.addLast(value);
        return value;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
