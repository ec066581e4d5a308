package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.platform.access.AccessRules;
import school.evidence.platform.access.AccessRules.Rule;
import school.evidence.platform.access.Role;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of {@link AccessRules} called by every role, for their own school, another school of the same trust
 * and a school of another trust, signed in with identity-provider tokens (demo mode off). What each call should do
 * is computed from the same table; no response, error or count may carry another school's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=permission-matrix", "evidence.demo.enabled=false",
                              "evidence.store.in-memory=true",
                              // the tenant names its app role differently: mapped by configuration
                              "evidence.identity.role-mapping[Evidence.Head]=SENIOR_LEADER"})
@Import(TestTokens.Provider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

    static final String OWN = "314159";
    static final String SAME_TRUST = "271828";
    static final String OTHER_TRUST = "161803";
    static final String TRUST = "trust-one";
    static final String OTHER = "trust-two";
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Paths that are not API routes and need no rule. */
    private static final Set<String> NOT_API = Set.of("/error", "/v3/api-docs", "/v3/api-docs.yaml",
                                                      "/v3/api-docs/swagger-config", "/v3/api-docs/{group}");
    /** Pages open to everyone (@OpenPage): signing in, and the page a refusal shows. */
    private static final Set<String> OPEN_PAGES = Set.of("/sign-in", "/refused");

    record Target(String label, String urn, String trust) {
    }

    /** A role held for a place: a school's URN or a trust's id (operators: anywhere). */
    record Held(Role role, String place) {
    }

    record CallerUnderTest(String label, List<Held> held, Api api, Set<String> visibleSchools) {
        CallerUnderTest(String label, Role role, Api api, Set<String> visibleSchools, String place) {
            this(label, List.of(new Held(role, place)), api, visibleSchools);
        }
    }

    /** Production-like: the checkpoint key comes from configuration, not demo mode. */
    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) {
        KeyPair pair = LedgerKeys.generate();
        registry.add("evidence.ledger.signing-key", () -> LedgerKeys.encode(pair.getPrivate()));
        registry.add("evidence.ledger.public-key", () -> LedgerKeys.encode(pair.getPublic()));
        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        registry.add("evidence.privacy.key-encryption-key", () -> java.util.Base64.getEncoder().encodeToString(kek));
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    AccessRules access;

    private final Map<String, Map<String, String>> ids = new HashMap<>();
    private final List<Target> targets = List.of(new Target("own school", OWN, TRUST),
                                                 new Target("other school, same trust", SAME_TRUST, TRUST),
                                                 new Target("school of another trust", OTHER_TRUST, OTHER));

    static String marker(String urn) {
        return "Zq" + urn + "private";
    }

    String base() {
        return "http://localhost:" + port;
    }

    Api as(Role role, List<String> schools, List<String> trusts) {
        return Api.withToken(base(), TestTokens.token(role.name().toLowerCase() + "-" + schools + trusts,
                                                      List.of(role.name()), schools, trusts));
    }

    @BeforeAll
    void threeSchoolsInTwoTrusts() {
        Api head = Api.withToken(base(), TestTokens.token("head-of-all", List.of("Evidence.Head"),
                                                         List.of(OWN, SAME_TRUST, OTHER_TRUST), List.of()));
        Api trustOfficer = as(Role.TRUST_OFFICER, List.of(), List.of(TRUST, OTHER));
        for (String trust : List.of(TRUST, OTHER)) {
            assertThat(trustOfficer.postJson("/api/trusts", Map.of("trustId", trust, "name", trust)).status()).isEqualTo(201);
        }
        for (Target t : targets) {
            String urn = t.urn();
            Map<String, String> own = new HashMap<>();
            ids.put(urn, own);
            assertThat(head.postJson("/api/schools", Map.of("urn", urn, "name", marker(urn) + " School")).status())
                    .isEqualTo(201);
            assertThat(head.postJson("/api/trusts/" + t.trust() + "/schools",
                                     Map.of("urn", urn, "phase", "IMPROVE", "joinedOn", "2023-09-01")).status())
                    .isEqualTo(201);
            String plan = head.postJson("/api/schools/" + urn + "/plans",
                                        Map.of("academicYear", "2023-24", "title", marker(urn) + " plan")).text("planId");
            own.put("planId", plan);
            head.postJson("/api/plans/" + plan + "/priorities", Map.of("code", "P1", "statement", marker(urn),
                                                                        "dueBy", List.of("SUMMER_2")));
            String section = head.postJson("/api/plans/" + plan + "/sections",
                                           Map.of("title", "Teaching", "ofstedAreas", List.of("QUALITY_OF_EDUCATION")))
                                 .text("sectionId");
            String action = head.postJson("/api/plans/" + plan + "/actions",
                                          Map.of("sectionId", section, "number", "1", "title", marker(urn) + " action",
                                                 "priorities", List.of("P1"))).text("actionId");
            own.put("actionId", action);
            own.put("criterionId", head.postJson("/api/plans/" + plan + "/actions/" + action + "/criteria",
                                                 Map.of("halfTerms", List.of("AUTUMN_1"), "text", marker(urn)))
                                       .text("criterionId"));
            Api.Reply visit = head.postJson("/api/schools/" + urn + "/monitoring", Map.of(
                    "type", "LESSON_VISIT", "occurredOn", "2023-10-12", "lead", "DHT",
                    "focus", Map.of("subject", "Reading", "yearGroups", List.of("Y4")),
                    "strengths", List.of(marker(urn) + " finding"), "actionIds", List.of(action)));
            assertThat(visit.status()).isEqualTo(201);
            own.put("activityId", visit.text("activityId"));
            String meeting = head.postJson("/api/schools/" + urn + "/meetings", Map.of(
                    "kind", "FULL_BOARD", "heldOn", "2023-11-01", "title", marker(urn) + " meeting")).text("meetingId");
            own.put("meetingId", meeting);
            Api.Reply challenge = head.postJson("/api/schools/" + urn + "/challenges", Map.of(
                    "planId", plan, "actionId", action, "meetingId", meeting, "raisedOn", "2023-11-01", "raisedBy", "Chair",
                    "question", marker(urn) + " question"));
            assertThat(challenge.status()).as(challenge.raw().body()).isEqualTo(201);
            own.put("challengeId", challenge.text("challengeId"));
            // the ledger indexer follows asynchronously: a checkpoint can be signed once it has caught up
            assertThat(head.awaitPost("/api/schools/" + urn + "/checkpoints").status()).isEqualTo(201);
            head.await("/api/schools/" + urn + "/monitoring", r -> r.body().size() == 1);
            head.await("/api/schools/" + urn + "/challenges", r -> r.body().size() == 1);
        }
    }

    List<CallerUnderTest> callers() {
        return List.of(
                new CallerUnderTest("senior leader of the own school", Role.SENIOR_LEADER,
                                    as(Role.SENIOR_LEADER, List.of(OWN), List.of()), Set.of(OWN), OWN),
                new CallerUnderTest("subject leader of the own school", Role.SUBJECT_LEADER,
                                    as(Role.SUBJECT_LEADER, List.of(OWN), List.of()), Set.of(OWN), OWN),
                new CallerUnderTest("governor of the own school", Role.GOVERNOR,
                                    as(Role.GOVERNOR, List.of(OWN), List.of()), Set.of(OWN), OWN),
                new CallerUnderTest("trust officer of the own trust", Role.TRUST_OFFICER,
                                    as(Role.TRUST_OFFICER, List.of(), List.of(TRUST)), Set.of(OWN, SAME_TRUST), TRUST),
                new CallerUnderTest("operator", Role.OPERATOR, as(Role.OPERATOR, List.of(), List.of()), Set.of(), "*"),
                // mixed roles: each counts only where it was given
                new CallerUnderTest("senior leader of the own school and officer of its trust",
                                    List.of(new Held(Role.SENIOR_LEADER, OWN), new Held(Role.TRUST_OFFICER, TRUST)),
                                    Api.withToken(base(), TestTokens.token("sl-to", List.of("SENIOR_LEADER", "TRUST_OFFICER"),
                                                                           List.of(OWN), List.of(TRUST))),
                                    Set.of(OWN, SAME_TRUST)),
                new CallerUnderTest("subject leader of the own school and officer of its trust",
                                    List.of(new Held(Role.SUBJECT_LEADER, OWN), new Held(Role.TRUST_OFFICER, TRUST)),
                                    Api.withToken(base(), TestTokens.token("sub-to", List.of("SUBJECT_LEADER", "TRUST_OFFICER"),
                                                                           List.of(OWN), List.of(TRUST))),
                                    Set.of(OWN, SAME_TRUST)),
                new CallerUnderTest("governor of the other school of the trust, senior leader of the own (memberships)",
                                    List.of(new Held(Role.GOVERNOR, SAME_TRUST), new Held(Role.SENIOR_LEADER, OWN)),
                                    Api.withToken(base(), TestTokens.withClaims(memberships("gov-sl", List.of(
                                            "GOVERNOR@" + SAME_TRUST, "Evidence.Head@" + OWN)))),
                                    Set.of(OWN, SAME_TRUST)));
    }

    static Map<String, Object> memberships(String user, List<String> memberships) {
        Map<String, Object> claims = TestTokens.usualClaims(user);
        claims.put("memberships", memberships);
        return claims;
    }

    /** The expectation, from the rule alone: some role the caller holds for the target is one the rule names. */
    static boolean allowed(Rule rule, CallerUnderTest caller, Target target) {
        return caller.held().stream().anyMatch(h -> allowed(rule, h, target));
    }

    static boolean allowed(Rule rule, Held held, Target target) {
        Role role = held.role();
        if (!rule.roles().contains(role)) {
            return false;
        }
        if (role == Role.OPERATOR) {
            return true;
        }
        return switch (rule.scope().kind()) {
            case SERVICE -> true;
            case TRUST, BODY_TRUST -> role == Role.TRUST_OFFICER && target.trust().equals(held.place());
            case SCHOOL, PLAN, RECORD, BODY_SCHOOL ->
                    role == Role.TRUST_OFFICER ? target.trust().equals(held.place()) : target.urn().equals(held.place());
        };
    }

    @Test
    void everyRouteHasExactlyOneRuleAndEveryRuleARoute() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (NOT_API.contains(path) || OPEN_PAGES.contains(path)) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + path));
            }
        }
        Set<String> rules = new TreeSet<>();
        access.rules().forEach(r -> assertThat(rules.add(r.method().name() + " " + r.path())).as("duplicate rule").isTrue());
        // the pages' rules, checked in a browser by the journeys (a page refused answers a page, not JSON)
        access.pages().forEach(r -> assertThat(rules.add(r.method().name() + " " + r.path())).as("duplicate rule").isTrue());
        assertThat(routes).as("routes without @Allowed").isSubsetOf(rules);
        assertThat(rules).as("rules for routes that no longer exist").isSubsetOf(routes);
    }

    @Test
    void everyRoleGetsExactlyWhatTheTableSaysAndSeesNoOtherSchool() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Rule rule : access.rules()) {
            for (Target target : targets) {
                for (String path : paths(rule, target)) {
                    String body = rule.method().name().equals("POST") ? body(rule, target) : null;
                    Api.Reply anonymous = Api.withToken(base(), "not-a-token").send(rule.method().name(), path, body);
                    if (anonymous.status() != 401) {
                        failures.add("bad token " + rule.method() + " " + path + " -> " + anonymous.status());
                    }
                    for (CallerUnderTest caller : callers()) {
                        calls++;
                        long eventsBefore = RawLedger.events(database).countDocuments();
                        Api.Reply reply = caller.api().send(rule.method().name(), path, body);
                        String what = caller.label() + " " + rule.method() + " " + path + " (" + target.label() + ")";
                        boolean expected = allowed(rule, caller, target);
                        if (expected && (reply.status() == 401 || reply.status() == 403 || reply.status() >= 500)) {
                            failures.add(what + " should be allowed, got " + reply.status() + " " + reply.raw().body());
                        }
                        if (!expected) {
                            if (reply.status() != 403) {
                                failures.add(what + " should be refused, got " + reply.status());
                            }
                            if (RawLedger.events(database).countDocuments() != eventsBefore) {
                                failures.add(what + " was refused but wrote an event");
                            }
                        }
                        String text = reply.raw().body();
                        for (Target other : targets) {
                            if (!caller.visibleSchools().contains(other.urn()) && leaks(text, other.urn())) {
                                failures.add(what + " shows records of school " + other.urn());
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).as("of %d calls", calls).isEmpty();
        assertThat(calls).isGreaterThan(access.rules().size() * 3 * 8 - 1);
    }

    /** Rules that depend on the body (who may record which monitoring) also ask for the role held at that school. */
    @Test
    void mixedRoleTokensRecordOnlyWhatEachRoleMayWhereItWasGiven() {
        Map<String, Object> lessonVisit = Map.of("type", "LESSON_VISIT", "occurredOn", "2023-10-12", "lead", "DHT");
        Map<String, Object> governorVisit = Map.of("type", "GOVERNOR_VISIT", "occurredOn", "2023-10-12", "lead", "Chair",
                                                   "governorVisit", Map.of("governor", "Chair", "purpose", "Reading"));
        Map<String, Object> review = Map.of("type", "EXTERNAL_REVIEW", "occurredOn", "2023-10-12", "lead", "Trust",
                                            "externalReview", Map.of("reviewerKind", "TRUST_OFFICER", "reviewer", "TO"));
        Api subjectLeaderAndOfficer = Api.withToken(base(), TestTokens.token(
                "sub-to", List.of("SUBJECT_LEADER", "TRUST_OFFICER"), List.of(OWN), List.of(TRUST)));
        Api governorAndOfficer = Api.withToken(base(), TestTokens.token(
                "gov-to", List.of("GOVERNOR", "TRUST_OFFICER"), List.of(OWN), List.of(TRUST)));
        Api headAndOfficer = Api.withToken(base(), TestTokens.token(
                "sl-to", List.of("SENIOR_LEADER", "TRUST_OFFICER"), List.of(OWN), List.of(TRUST)));
        String sibling = "/api/schools/" + SAME_TRUST + "/monitoring";
        long before = RawLedger.events(database).countDocuments();
        assertThat(subjectLeaderAndOfficer.postJson(sibling, lessonVisit).status()).isEqualTo(403);
        assertThat(governorAndOfficer.postJson(sibling, governorVisit).status()).isEqualTo(403);
        assertThat(headAndOfficer.postJson(sibling, lessonVisit).status()).isEqualTo(403);
        String siblingPlan = ids.get(SAME_TRUST).get("planId");
        assertThat(headAndOfficer.postJson("/api/plans/" + siblingPlan + "/priorities",
                                           Map.of("code", "P9", "statement", "x", "dueBy", List.of("SUMMER_2"))).status())
                .isEqualTo(403);
        // each caller as the other kind of member: a different school, by explicit per-role memberships
        Api governorHereHeadThere = Api.withToken(base(), TestTokens.withClaims(memberships("gov-sl", List.of(
                "GOVERNOR@" + SAME_TRUST, "Evidence.Head@" + OWN))));
        assertThat(governorHereHeadThere.postJson(sibling, lessonVisit).status()).isEqualTo(403);
        assertThat(governorHereHeadThere.postJson("/api/schools", Map.of("urn", SAME_TRUST, "name", "x")).status())
                .isEqualTo(403);
        assertThat(RawLedger.events(database).countDocuments()).as("refusals wrote nothing").isEqualTo(before);

        // what the roles do allow there still works, and is recorded under the role that allowed it
        assertThat(subjectLeaderAndOfficer.postJson(sibling, review).status()).isEqualTo(201);
        assertThat(subjectLeaderAndOfficer.postJson("/api/schools/" + OWN + "/monitoring", lessonVisit).status()).isEqualTo(201);
        Api.Reply visit = governorHereHeadThere.postJson(sibling, governorVisit);
        assertThat(visit.status()).isEqualTo(201);
        org.bson.Document stored = RawLedger.events(database).find(
                com.mongodb.client.model.Filters.eq("_id", visit.text("activityId") + ":0")).first();
        assertThat(org.bson.Document.parse(stored.getString(LedgerFields.META_DATA)).getString("actorRole")).isEqualTo("GOVERNOR");
    }

    @Test
    void tokensFromAnotherIssuerOrExpiredOrDemoPasswordsAreRefused() {
        String path = "/api/schools/" + OWN + "/monitoring";
        String stranger = TestTokens.sign(TestTokens.STRANGER, "mallory", List.of("SENIOR_LEADER"), List.of(OWN),
                                          List.of(), Instant.now().plusSeconds(600));
        assertThat(Api.withToken(base(), stranger).get(path).status()).isEqualTo(401);
        String expired = TestTokens.sign(TestTokens.KEYS, "late", List.of("SENIOR_LEADER"), List.of(OWN), List.of(),
                                         Instant.now().minusSeconds(600));
        assertThat(Api.withToken(base(), expired).get(path).status()).isEqualTo(401);
        // demo mode is off: the published demo password opens nothing
        assertThat(new Api(base(), "slt").get(path).status()).isEqualTo(401);
        // a token naming "*" as its school is not a wildcard
        Api wildcard = Api.withToken(base(), TestTokens.token("wild", List.of("SENIOR_LEADER"), List.of("*"), List.of("*")));
        assertThat(wildcard.get(path).status()).isEqualTo(403);
        assertThat(as(Role.SENIOR_LEADER, List.of(OWN), List.of()).get(path).status()).isEqualTo(200);
    }

    /** A well-signed token must still expire, not live for years, not come from the future, and name one user. */
    @Test
    void tokensWithoutExpiryOrWithALongOrFutureLifeOrNoSingleUserAreRefused() {
        String path = "/api/schools/" + OWN + "/monitoring";
        long now = Instant.now().getEpochSecond();
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("no exp", without(claims("no-exp"), "exp"));
        refused.put("exp in ten years", with(claims("ten-years"), "exp", now + 10L * 365 * 24 * 3600));
        refused.put("exp 13 hours after iat", with(claims("thirteen"), "exp", now + 13 * 3600));
        refused.put("iat in the future", with(claims("future"), "iat", now + 600));
        refused.put("no user claim and no sub", without(without(claims("nobody"), "preferred_username"), "sub"));
        refused.put("empty user claim", with(claims("empty"), "preferred_username", ""));
        refused.put("list as user claim", with(claims("list"), "preferred_username", List.of("a", "b")));
        refused.put("number as user claim", with(claims("number"), "preferred_username", 42));
        for (Map.Entry<String, Map<String, Object>> token : refused.entrySet()) {
            Api.Reply reply = Api.withToken(base(), TestTokens.withClaims(token.getValue())).get(path);
            assertThat(reply.status()).as(token.getKey()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).as(token.getKey()).startsWith("Bearer");
        }
        // the same claims within the rules are accepted; no token at all is told to bring a bearer token
        assertThat(Api.withToken(base(), TestTokens.withClaims(claims("fine"))).get(path).status()).isEqualTo(200);
        Api.Reply anonymous = Api.withToken(base(), "x").getAnonymously(path);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    }

    /** Health and the scrape are open; the rest of the actuator describes the service and is for operators. */
    @Test
    void onlyOperatorsReadTheActuatorBeyondHealthAndTheScrape() {
        Api anonymous = Api.withToken(base(), "none");
        assertThat(anonymous.getAnonymously("/actuator/health").status()).isEqualTo(200);
        // the Prometheus scrape is open too (OperatorMetersTest reads it without signing in)
        for (String path : List.of("/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info")) {
            assertThat(anonymous.getAnonymously(path).status()).as(path).isEqualTo(401);
            for (Role role : List.of(Role.SENIOR_LEADER, Role.SUBJECT_LEADER, Role.GOVERNOR, Role.TRUST_OFFICER)) {
                assertThat(as(role, List.of(OWN), List.of(TRUST)).get(path).status()).as(role + " " + path).isEqualTo(403);
            }
            assertThat(as(Role.OPERATOR, List.of(), List.of()).get(path).status()).as("operator " + path).isEqualTo(200);
        }
    }

    private static Map<String, Object> claims(String user) {
        Map<String, Object> claims = TestTokens.usualClaims(user);
        claims.put("roles", List.of("SENIOR_LEADER"));
        claims.put("schools", List.of(OWN));
        return claims;
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        claims.remove(name);
        return claims;
    }

    private boolean leaks(String text, String urn) {
        if (text == null) {
            return false;
        }
        Map<String, String> of = ids.get(urn);
        return text.contains(marker(urn)) || text.contains(of.get("activityId")) || text.contains(of.get("challengeId"))
                || text.contains(of.get("actionId"));
    }

    /** The rule's path for the target, with its query variants (as-of reads, export formats). */
    private List<String> paths(Rule rule, Target target) {
        Map<String, String> values = new LinkedHashMap<>(ids.get(target.urn()));
        values.put("urn", target.urn());
        values.put("trustId", target.trust());
        values.put("code", "P1");
        values.put("plannedId", "none-planned");
        values.put("subjectPlanId", "english");
        values.put("halfTerm", "AUTUMN_1");
        values.put("coreElement", "2");
        values.put("standard", "A");
        values.put("group", "no-such-projection");
        Matcher m = VARIABLE.matcher(rule.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value).as("the matrix needs a value for {%s} in %s", m.group(1), rule.path()).isNotNull();
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        String p = path.toString();
        String asOf = "asOf=" + Instant.now().plusSeconds(3600);
        return switch (rule.path()) {
            case "/api/schools/{urn}/evidence-pack" -> List.of(p + "?from=2023-09-01&to=2024-08-31",
                                                               p + "?from=2023-09-01&to=2024-08-31&format=HTML");
            case "/api/schools/{urn}/monitoring", "/api/plans/{planId}", "/api/schools/{urn}/challenges",
                 "/api/plans/{planId}/actions/{actionId}/timeline", "/api/plans/{planId}/coverage" ->
                    rule.method().name().equals("GET") ? List.of(p, p + "?" + asOf) : List.of(p);
            case "/api/schools/{urn}/ledger/feed" -> List.of(p + "?from=0&size=50");
            default -> List.of(p);
        };
    }

    /** Bodies that name a school or trust name the target's; the rest are empty (validation comes after access). */
    private static String body(Rule rule, Target target) {
        return switch (rule.scope().kind()) {
            case BODY_SCHOOL -> rule.path().equals("/api/schools")
                    ? "{\"urn\":\"" + target.urn() + "\",\"name\":\"x\"}"
                    : "{\"urn\":\"" + target.urn() + "\",\"phase\":\"IMPROVE\",\"joinedOn\":\"2023-09-01\"}";
            case BODY_TRUST -> "{\"trustId\":\"" + target.trust() + "\",\"name\":\"x\"}";
            default -> "{}";
        };
    }
}
