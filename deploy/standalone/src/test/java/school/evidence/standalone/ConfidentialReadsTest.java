package school.evidence.standalone;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import school.evidence.platform.access.AccessRules;
import school.evidence.platform.access.AccessRules.Rule;
import school.evidence.platform.access.Role;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the access rules (every {@code @Allowed} route): every read route, in every format it offers, read by every kind of caller
 * (single roles, mixed roles held at other places, a governor who shares the teacher's name), at a school with a
 * confidential lesson visit. Only senior leaders of that school and the teacher (by sign-in id) may see its notes, its
 * next steps or the teacher's name; every other reply, PDF text included, must carry none of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=confidential-reads", "evidence.demo.enabled=false",
                              "evidence.store.in-memory=true"})
@Import(TestTokens.Provider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfidentialReadsTest {

    static final String OWN = "314150";
    static final String SIBLING = "314151";
    static final String TRUST = "trust-conf";
    static final String TEACHER = "Ottoline Quist";
    static final String TEACHER_ID = "o.quist@own.example";
    /** What the confidential record protects: its notes (all carry the marker) and the teacher's name. */
    static final List<String> PROTECTED = List.of("zqconf", "ottoline", "quist");

    /** @param atSchool the roles held for the school, @param atTrust for its trust, @param anywhere at all */
    record Reader(String label, Api api, boolean mayRead, Set<Role> atSchool, Set<Role> atTrust, Set<Role> anywhere) {
    }

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        PermissionMatrixTest.signingKey(registry);
    }

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    AccessRules access;
    private final Map<String, String> ids = new HashMap<>();

    String base() {
        return "http://localhost:" + port;
    }

    Api token(String user, List<String> roles, List<String> schools, List<String> trusts) {
        return Api.withToken(base(), TestTokens.token(user, roles, schools, trusts));
    }

    Api claims(String user, Map<String, Object> extra) {
        Map<String, Object> claims = TestTokens.usualClaims(user);
        claims.putAll(extra);
        return Api.withToken(base(), TestTokens.withClaims(claims));
    }

    @BeforeAll
    void aSchoolWithAConfidentialLessonVisit() {
        Api head = token("head", List.of("SENIOR_LEADER"), List.of(OWN, SIBLING), List.of());
        Api officer = token("officer", List.of("TRUST_OFFICER"), List.of(), List.of(TRUST));
        created(officer.postJson("/api/trusts", Map.of("trustId", TRUST, "name", "Conf Trust")));
        for (String urn : List.of(OWN, SIBLING)) {
            created(head.postJson("/api/schools", Map.of("urn", urn, "name", "School " + urn)));
            created(head.postJson("/api/trusts/" + TRUST + "/schools", Map.of("urn", urn, "phase", "IMPROVE",
                                                                             "joinedOn", "2023-09-01")));
        }
        Map<String, Object> terms = new LinkedHashMap<>();
        String[][] dates = {{"AUTUMN_1", "2023-09-04", "2023-10-20"}, {"AUTUMN_2", "2023-10-30", "2023-12-20"},
                            {"SPRING_1", "2024-01-04", "2024-02-09"}, {"SPRING_2", "2024-02-19", "2024-03-28"},
                            {"SUMMER_1", "2024-04-15", "2024-05-24"}, {"SUMMER_2", "2024-06-03", "2024-07-19"}};
        for (String[] d : dates) {
            terms.put(d[0], Map.of("start", d[1], "end", d[2]));
        }
        created(head.postJson("/api/schools/" + OWN + "/calendars", Map.of("academicYear", "2023-24", "halfTerms", terms)));
        String plan = created(head.postJson("/api/schools/" + OWN + "/plans",
                                            Map.of("academicYear", "2023-24", "title", "Plan"))).text("planId");
        created(head.postJson("/api/plans/" + plan + "/priorities", Map.of("code", "P1", "statement", "Good teaching",
                                                                            "dueBy", List.of("SUMMER_2"))));
        String section = created(head.postJson("/api/plans/" + plan + "/sections", Map.of(
                "title", "Teaching", "ofstedAreas", List.of("QUALITY_OF_EDUCATION")))).text("sectionId");
        String action = created(head.postJson("/api/plans/" + plan + "/actions", Map.of(
                "sectionId", section, "number", "1", "title", "Questioning", "priorities", List.of("P1"),
                "leads", List.of("DHT")))).text("actionId");
        String criterion = created(head.postJson("/api/plans/" + plan + "/actions/" + action + "/criteria",
                                                 Map.of("halfTerms", List.of("AUTUMN_1"), "text", "Hinge questions used")))
                .text("criterionId");
        Map<String, Object> visit = new LinkedHashMap<>(Map.of(
                "type", "LESSON_VISIT", "occurredOn", "2023-10-12", "lead", "DHT",
                "focus", Map.of("subject", "Reading", "yearGroups", List.of("Y4")),
                "strengths", List.of("ZqConf warm relationships"), "areasForDevelopment", List.of("ZqConf questioning"),
                "evidenceReferences", List.of("ZqConf-obs.pdf"), "actionIds", List.of(action), "confidential", true,
                "lessonVisit", Map.of("kind", "OBSERVATION", "className", "4B", "teacher", TEACHER,
                                      "teacherUserId", TEACHER_ID)));
        visit.put("nextSteps", List.of(Map.of("text", "ZqConf plan hinge questions", "owner", TEACHER,
                                              "dueOn", "2023-10-20"),
                                       Map.of("text", "ZqConf model reading aloud", "owner", TEACHER,
                                              "dueOn", "2023-11-30")));
        String activity = created(head.postJson("/api/schools/" + OWN + "/monitoring", visit)).text("activityId");
        Map<String, Object> amended = new LinkedHashMap<>(visit);
        amended.remove("type");
        amended.put("strengths", List.of("ZqConf warm relationships", "ZqConf clear modelling"));
        amended.put("nextSteps", List.of(Map.of("stepId", activity + "-ns1", "text", "ZqConf plan hinge questions",
                                                "owner", TEACHER, "dueOn", "2023-10-20"),
                                         Map.of("stepId", activity + "-ns2", "text", "ZqConf model reading aloud",
                                                "owner", TEACHER, "dueOn", "2023-11-30")));
        amended.put("reason", "Second strength added");
        created(head.postJson("/api/monitoring/" + activity + "/amendments", amended));
        created(head.postJson("/api/schools/" + OWN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2023-11-20", "lead", "HT", "actionIds", List.of(action),
                "strengths", List.of("Routines secure"),
                "nextStepChecks", List.of(Map.of("nextStepId", activity + "-ns1", "outcome", "PARTLY_ACTED_UPON",
                                                 "impact", "ZqConf some hinge questions seen")))));
        created(head.postJson("/api/plans/" + plan + "/actions/" + action + "/rag", Map.of(
                "halfTerm", "AUTUMN_1", "status", "AMBER", "rationale", "Visits show partial progress",
                "evidence", List.of(activity))));
        String meeting = created(head.postJson("/api/schools/" + OWN + "/meetings", Map.of(
                "kind", "FULL_BOARD", "heldOn", "2023-11-01", "title", "Autumn board"))).text("meetingId");
        created(head.postJson("/api/schools/" + OWN + "/challenges", Map.of(
                "planId", plan, "actionId", action, "meetingId", meeting, "raisedOn", "2023-11-01",
                "raisedBy", "Chair", "question", "How do you know questioning is improving?")));
        created(head.postJson("/api/schools/" + OWN + "/self-evaluations", Map.of("evaluatedOn", "2023-10-02",
                "ratings", List.of(Map.of("coreElement", 2, "standard", "A", "rating", 2, "evidenceNotes", "Book looks")))));
        head.await("/api/schools/" + OWN + "/monitoring", r -> r.body().size() == 2);
        head.await("/api/schools/" + OWN + "/next-steps?status=ALL", r -> r.body().toString().contains("CHECKED"));
        head.await("/api/schools/" + OWN + "/challenges", r -> r.body().size() == 1);
        head.await("/api/schools/" + OWN + "/self-evaluations", r -> r.body().size() == 1);
        head.await("/api/plans/" + plan + "/actions/" + action + "/timeline", r -> r.body().path("entries").size() == 4);
        assertThat(head.awaitPost("/api/schools/" + OWN + "/checkpoints").status()).isEqualTo(201);
        ids.putAll(Map.of("urn", OWN, "planId", plan, "actionId", action, "criterionId", criterion,
                          "activityId", activity, "meetingId", meeting, "trustId", TRUST, "halfTerm", "AUTUMN_1",
                          "coreElement", "2", "standard", "A"));
        ids.put("group", "monitoring-list");
    }

    List<Reader> readers() {
        Set<Role> sl = Set.of(Role.SENIOR_LEADER);
        Set<Role> sub = Set.of(Role.SUBJECT_LEADER);
        Set<Role> gov = Set.of(Role.GOVERNOR);
        Set<Role> to = Set.of(Role.TRUST_OFFICER);
        Set<Role> op = Set.of(Role.OPERATOR);
        Set<Role> none = Set.of();
        return List.of(
                new Reader("senior leader of the school", token("head-own", List.of("SENIOR_LEADER"), List.of(OWN), List.of()),
                           true, sl, none, sl),
                new Reader("the teacher, by sign-in id", token(TEACHER_ID, List.of("SUBJECT_LEADER"), List.of(OWN), List.of()),
                           true, sub, none, sub),
                new Reader("another subject leader", token("sl-other", List.of("SUBJECT_LEADER"), List.of(OWN), List.of()),
                           false, sub, none, sub),
                new Reader("a governor who shares the teacher's name", claims("gov-oq", Map.of(
                        "name", TEACHER, "roles", List.of("GOVERNOR"), "schools", List.of(OWN))), false, gov, none, gov),
                new Reader("a governor whose user id is the teacher's name", claims(TEACHER, Map.of(
                        "roles", List.of("GOVERNOR"), "schools", List.of(OWN))), false, gov, none, gov),
                new Reader("trust officer of the school's trust", token("to", List.of("TRUST_OFFICER"), List.of(), List.of(TRUST)),
                           false, to, to, to),
                new Reader("operator", token("op", List.of("OPERATOR"), List.of(), List.of()), false, op, op, op),
                new Reader("senior leader of a sibling school who is also the trust's officer",
                           token("head-sib-to", List.of("SENIOR_LEADER", "TRUST_OFFICER"), List.of(SIBLING), List.of(TRUST)),
                           false, to, to, Set.of(Role.SENIOR_LEADER, Role.TRUST_OFFICER)),
                new Reader("senior leader elsewhere, governor here (per-role memberships)", claims("mixed", Map.of(
                        "memberships", List.of("SENIOR_LEADER@" + SIBLING, "GOVERNOR@" + OWN))),
                           false, gov, none, Set.of(Role.SENIOR_LEADER, Role.GOVERNOR)),
                new Reader("a senior leader of another school only", token("nobody", List.of("SENIOR_LEADER"),
                                                                           List.of(SIBLING), List.of()),
                           false, none, none, sl));
    }

    /** The roles a reader holds where the rule's route is about. */
    static Set<Role> rolesFor(Rule rule, Reader reader) {
        return switch (rule.scope().kind()) {
            case SERVICE, BODY_SCHOOL, BODY_TRUST -> reader.anywhere();
            case TRUST -> reader.atTrust();
            default -> reader.atSchool();
        };
    }

    @Test
    void everyReadRouteInEveryFormatShowsConfidentialNotesOnlyToThoseAllowed() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> carriers = new TreeSet<>();
        int reads = 0;
        List<Reader> readers = readers();
        for (Rule rule : access.rules()) {
            if (!rule.method().name().equals("GET")) {
                continue;
            }
            for (String path : RouteSamples.reads(rule, ids, TEACHER)) {
                for (Reader reader : readers) {
                    reads++;
                    HttpResponse<byte[]> reply = get(reader.api(), path);
                    String text = text(reply).toLowerCase(Locale.ROOT);
                    String what = reader.label() + " GET " + path;
                    boolean roleAllowed = rolesFor(rule, reader).stream().anyMatch(rule.roles()::contains);
                    int status = reply.statusCode();
                    if (roleAllowed && (status == 401 || status == 403 || status >= 500)) {
                        failures.add(what + " should be answered, got " + status + " " + text);
                    }
                    if (!roleAllowed && status != 403) {
                        failures.add(what + " should be refused, got " + status);
                    }
                    boolean shows = PROTECTED.stream().anyMatch(text::contains);
                    if (shows && reader.mayRead()) {
                        carriers.add(rule.path());
                    }
                    if (shows && !reader.mayRead()) {
                        failures.add(what + " shows confidential notes or the teacher's name");
                    }
                }
            }
        }
        assertThat(failures).as("of %d reads", reads).isEmpty();
        // the notes really are on these routes for those allowed, so the refusals above are filtering, not absence
        assertThat(carriers).contains("/api/schools/{urn}/monitoring", "/api/schools/{urn}/next-steps",
                                      "/api/plans/{planId}/actions/{actionId}/timeline", "/api/plans/{planId}/flags",
                                      "/api/schools/{urn}/subject-access", "/api/plans/{planId}/reviews/{halfTerm}");
    }

    private HttpResponse<byte[]> get(Api api, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                                                          .header("Authorization", api.authorization()).build(),
                                               HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The reply as a reader sees it: a PDF's text, anything else as sent. */
    static String text(HttpResponse<byte[]> reply) throws Exception {
        byte[] body = reply.body();
        if (reply.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf")) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(body)) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply;
    }
}
