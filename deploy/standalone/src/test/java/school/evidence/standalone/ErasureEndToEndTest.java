package school.evidence.standalone;

import school.evidence.ledger.RawLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.platform.access.AccessRules;
import school.evidence.platform.access.AccessRules.Rule;
import school.evidence.query.replay.ProjectionRebuild;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a member of staff named all over a school's records: as a monitoring lead, a next step's owner, an
 * action's lead, monitor and evaluator, in free text (findings, reasons, a meeting's title, a challenge's question and
 * answer, a RAG rationale, self-evaluation notes, the person planned to monitor). Afterwards no read route in any
 * format, no export, no pack (PDF text included) and no collection of the store holds the name, after a restart and
 * after every read model is rebuilt from the first event, and the ledger still verifies. Erasing them again records
 * nothing.
 */
class ErasureEndToEndTest {

    static final String URN = "100555";
    static final String PERSON = "Ottilie Brannagh";
    static final String REASON = "Former member of staff asked for erasure";

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--evidence.store.data-dir=" + dir, "--evidence.demo.enabled=true",
                "--spring.application.name=erasure", "--evidence.privacy.rebuild-check=PT0.2S");
    }

    /** How many queries the embedded store answered by reading every event of the ledger. */
    private static long ledgerScans(ConfigurableApplicationContext app) {
        return app.getBean("embeddedMongoBackend", school.evidence.store.DurableH2Backend.class).scans("evidence.events");
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void anErasedPersonIsGoneFromEveryReadExportPackAndCollectionAfterRestartAndRebuildAndTheLedgerVerifies()
            throws Exception {
        Map<String, String> ids;
        try (ConfigurableApplicationContext app = start()) {
            Api slt = new Api(base(app), "slt");
            ids = recordEverywhere(slt);
            assertThat(slt.await("/api/schools/" + URN + "/monitoring", r -> r.body().size() == 6).raw().body())
                    .contains(PERSON);
            Api.Reply access = slt.get("/api/schools/" + URN + "/subject-access?person=ottilie%20brannagh");
            assertThat(access.body().path("recordsAbout").size()).as("every record that names them")
                                                                 .isEqualTo(12);
            // the ledger never held the name where a key cannot reach it
            assertThat(stored(app, "events")).doesNotContain("brannagh");

            // a role is not a person, and the reason is kept: neither may name them
            assertThat(slt.postJson(erasures(), Map.of("person", "DHT", "reason", REASON)).status()).isEqualTo(400);
            assertThat(slt.postJson(erasures(), Map.of("person", PERSON, "reason", "Asked by " + PERSON)).status())
                    .isEqualTo(400);
            long scansBefore = ledgerScans(app);
            Api.Reply erased = slt.postJson(erasures(), Map.of("person", PERSON, "reason", REASON));
            assertThat(erased.status()).as(erased.raw().body()).isEqualTo(201);
            // its cost is what it touched, not the ledger's size: the records' events found by index
            assertThat(ledgerScans(app) - scansBefore).as("queries that read the whole ledger").isZero();
            assertThat(erased.body().path("stillReadable")).isEmpty();
            assertThat(erased.body().path("recordKeyIds").size()).as("records naming them only in their text")
                                                                 .isGreaterThan(0);

            assertThat(erased.body().path("readModelsShowIt").asBoolean()).as(erased.raw().body()).isTrue();
            // at once: the reply came after every read model had made the school's documents again
            nothingAnywhere(app, slt, ids, "as soon as the erasure was acknowledged", 1);
            ProjectionRebuild rebuild = app.getBean(ProjectionRebuild.class);
            for (String group : rebuild.groups()) {
                assertThat(rebuild.compare(group).differences()).as("a full rebuild of " + group + " gives the "
                                                                    + "same documents").isEmpty();
            }
            long events = RawLedger.events(app.getBean(MongoDatabase.class)).countDocuments();
            Api.Reply again = slt.postJson(erasures(), Map.of("person", PERSON, "reason", REASON));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("alreadyErased").asBoolean()).isTrue();
            assertThat(again.text("erasureId")).isEqualTo(erased.text("erasureId"));
            assertThat(RawLedger.events(app.getBean(MongoDatabase.class)).countDocuments()).isEqualTo(events);
        }
        try (ConfigurableApplicationContext app = start()) {
            Api slt = new Api(base(app), "slt");
            nothingAnywhere(app, slt, ids, "after a restart", 200);
            Api operator = slt.as("operator");
            for (JsonNode group : operator.get("/api/operations/projections").body()) {
                String name = group.isTextual() ? group.asText() : group.path("group").asText();
                assertThat(operator.post("/api/operations/projections/" + name + "/rebuild", "{}").status())
                        .as(name).isEqualTo(200);
            }
            nothingAnywhere(app, slt, ids, "after every read model was rebuilt", 200);
            assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status()).isEqualTo(201);
            Api.Reply verification = slt.get("/api/schools/" + URN + "/ledger/verification");
            assertThat(verification.body().path("ok").asBoolean()).as(verification.raw().body()).isTrue();
        }
    }

    @Test
    void aPersonNamedInATrustsOwnPlanIsErasedByTheTrustFromItsRecordsAndEveryReadModel() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            Api officer = new Api(base(app), "trust-officer");
            String trust = "/api/trusts/wearside-learning-trust";
            created(officer.postJson("/api/trusts", Map.of("trustId", "wearside-learning-trust", "name", "Wearside")));
            String plan = created(officer.post(trust + "/plans", "{\"fromYear\":\"2026-27\",\"title\":\"Reading with "
                    + PERSON + "\"}")).text("planId");
            created(officer.post(trust + "/plans/" + plan + "/priorities", "{\"code\":\"T1\",\"statement\":\""
                    + PERSON + "'s phonics model in every school\"}"));
            created(officer.postJson(trust + "/plans/" + plan + "/actions", Map.of("number", "1", "title",
                    "Phonics training", "priorities", List.of("T1"), "leads", List.of(PERSON, "Trust lead"),
                    "resources", "Release time for " + PERSON)));
            assertThat(stored(app, "events")).doesNotContain("brannagh"); // sealed under keys the trust can destroy
            assertThat(officer.await(trust + "/plans/" + plan, r -> r.raw().body().contains(PERSON)).status())
                    .isEqualTo(200);
            Api slt = officer.as("slt");
            assertThat(slt.postJson(trust + "/erasures", Map.of("person", PERSON, "reason", REASON)).status())
                    .isEqualTo(403);
            assertThat(slt.postJson("/api/schools/108520/erasures", Map.of("person", PERSON, "reason", REASON))
                          .status()).as("a school's erasure does not reach the trust's own records").isEqualTo(404);

            Api.Reply erased = officer.postJson(trust + "/erasures", Map.of("person", PERSON, "reason", REASON));
            assertThat(erased.status()).as(erased.raw().body()).isEqualTo(201);
            assertThat(erased.body().path("recordKeyIds").size()).as("the title and statement name them").isEqualTo(2);
            assertThat(erased.body().path("readModelsShowIt").asBoolean()).as(erased.raw().body()).isTrue();
            // at once: the reply came after every read model had made the organisation's records again
            for (String path : List.of(trust + "/plans/" + plan, trust + "/plans", trust, trust + "/bodies",
                                       trust + "/triads", trust + "/audit?size=500")) {
                assertThat(awaitWithout(officer, path, 1)).as(path).doesNotContainIgnoringCase("brannagh");
            }
            assertThat(officer.get(trust + "/plans/" + plan).raw().body()).contains("[erased]", "Trust lead");
            assertThat(officer.get(trust + "/audit?size=500").body().path("items").findValuesAsText("type"))
                    .contains("OrganisationSubjectErased");
            MongoDatabase database = app.getBean(MongoDatabase.class);
            for (String collection : database.listCollectionNames()) {
                assertThat(stored(app, collection)).as("collection " + collection).doesNotContain("brannagh");
            }
            ProjectionRebuild rebuild = app.getBean(ProjectionRebuild.class);
            for (String group : rebuild.groups()) {
                assertThat(rebuild.compare(group).differences()).as("a full rebuild of " + group + " gives the "
                                                                    + "same documents").isEmpty();
            }
            Api.Reply again = officer.postJson(trust + "/erasures", Map.of("person", PERSON, "reason", REASON));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("alreadyErased").asBoolean()).isTrue();
        }
    }

    private static String erasures() {
        return "/api/schools/" + URN + "/erasures";
    }

    /** The school's year with the person named in every kind of field that can name someone. */
    private static Map<String, String> recordEverywhere(Api slt) {
        Scenario s = Scenario.upToTheLessonVisit(slt, URN);
        Map<String, String> ids = new HashMap<>(Map.of("urn", URN, "planId", s.planId, "actionId", s.actionId,
                                                       "criterionId", s.criterionId, "activityId", s.activityId,
                                                       "halfTerm", "AUTUMN_1", "coreElement", "2", "standard", "A",
                                                       "trustId", "no-trust", "group", "monitoring-list"));
        created(slt.postJson("/api/plans/" + s.planId + "/actions/" + s.actionId + "/revisions", Map.of(
                "title", PERSON + "'s reading programme", "priorities", List.of("P1"),
                "leads", List.of(PERSON, "DHT"), "monitoredBy", List.of(PERSON), "evaluatedBy", List.of(PERSON, "HT"),
                "governorLink", PERSON, "resources", "Release time for " + PERSON, "reason", "Led by " + PERSON)));
        created(slt.postJson("/api/plans/" + s.planId + "/actions/" + s.actionId + "/criteria", Map.of(
                "halfTerms", List.of("AUTUMN_2"), "text", PERSON + " models inference weekly")));
        Map<String, Object> visit = new LinkedHashMap<>(Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2023-10-13", "lead", PERSON,
                "strengths", List.of(PERSON + " modelled inference questions"), "actionIds", List.of(s.actionId),
                "nextSteps", List.of(Map.of("text", "Share the questions", "owner", PERSON, "dueOn", "2023-11-30"))));
        String walk = created(slt.postJson("/api/schools/" + URN + "/monitoring", visit)).text("activityId");
        Map<String, Object> amended = new LinkedHashMap<>(visit);
        amended.remove("type");
        amended.put("occurredOn", "2023-10-12");
        amended.put("reason", PERSON + " gave the right date");
        created(slt.postJson("/api/monitoring/" + walk + "/amendments", amended));
        // named only in the free text of a record led by a role
        created(slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "BOOK_SCRUTINY", "occurredOn", "2023-10-16", "lead", "English lead",
                "strengths", List.of("Books in " + PERSON + "'s class show editing"), "actionIds", List.of(s.actionId),
                "workScrutiny", Map.of("sampleSize", 12))));
        created(slt.postJson("/api/plans/" + s.planId + "/actions/" + s.actionId + "/rag", Map.of(
                "halfTerm", "AUTUMN_1", "status", "AMBER", "rationale", PERSON + "'s walk shows partial progress",
                "evidence", List.of(walk))));
        String planned = created(slt.postJson("/api/plans/" + s.planId + "/schedule", Map.of(
                "halfTerm", "SPRING_1", "type", "LEARNING_WALK", "subject", "Reading", "actionIds", List.of(s.actionId),
                "who", PERSON))).text("plannedId");
        // records that reach theirs, naming no one: one fulfils what they were to do, another checks their next step
        // (the amendment agreed it again, as -ns2), a third agrees a step that a later one, naming them, checks. An
        // erasure makes each of them again too, found through a different read model's documents
        created(slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2024-01-10", "lead", "English lead",
                "strengths", List.of("Question prompts in every room"), "actionIds", List.of(s.actionId),
                "fulfils", planned)));
        created(slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2024-01-11", "lead", "English lead",
                "strengths", List.of("Prompts used in Y4"), "actionIds", List.of(s.actionId),
                "nextStepChecks", List.of(Map.of("nextStepId", walk + "-ns2", "outcome", "ACTED_UPON",
                                                 "impact", "Used in Y4")))));
        String agreeing = created(slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2024-01-12", "lead", "English lead",
                "strengths", List.of("Prompts in Y5"), "actionIds", List.of(s.actionId),
                "nextSteps", List.of(Map.of("text", "Share the prompts", "owner", "English lead",
                                            "dueOn", "2024-02-01"))))).text("activityId");
        slt.await("/api/schools/" + URN + "/next-steps", r -> r.raw().body().contains(agreeing + "-ns1"));
        created(slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2024-01-17", "lead", "English lead",
                "strengths", List.of("Prompts shared"), "actionIds", List.of(s.actionId),
                "nextStepChecks", List.of(Map.of("nextStepId", agreeing + "-ns1", "outcome", "ACTED_UPON",
                                                 "impact", "Shared by " + PERSON)))));
        String meeting = created(slt.postJson("/api/schools/" + URN + "/meetings", Map.of(
                "kind", "FULL_BOARD", "heldOn", "2023-11-01", "title", "Reading review with " + PERSON))).text("meetingId");
        String challenge = created(slt.postJson("/api/schools/" + URN + "/challenges", Map.of(
                "planId", s.planId, "actionId", s.actionId, "meetingId", meeting, "raisedOn", "2023-11-01",
                "raisedBy", "Chair", "question", "How do you know " + PERSON + "'s programme works?"))).text("challengeId");
        created(slt.postJson("/api/challenges/" + challenge + "/responses", Map.of("answer", PERSON + " reports gains")));
        created(slt.postJson("/api/schools/" + URN + "/self-evaluations", Map.of("evaluatedOn", "2023-10-02",
                "ratings", List.of(Map.of("coreElement", 2, "standard", "A", "rating", 2,
                                          "evidenceNotes", "Visits by " + PERSON, "actionNotes", "Plan")))));
        ids.put("meetingId", meeting);
        return ids;
    }

    /** Every read route of the table in every format, as a senior leader; then every collection of the store. */
    /** {@code tries}: reads of each route, 50 ms apart, before it counts as still showing the name. */
    private void nothingAnywhere(ConfigurableApplicationContext app, Api slt, Map<String, String> ids, String when,
                                 int tries) throws Exception {
        slt.awaitPost("/api/schools/" + URN + "/checkpoints");
        Api operator = slt.as("operator");
        List<String> failures = new ArrayList<>();
        for (Rule rule : app.getBean(AccessRules.class).rules()) {
            if (!rule.method().name().equals("GET")) {
                continue;
            }
            for (String path : RouteSamples.reads(rule, ids, PERSON)) {
                Api reader = rule.roles().contains(school.evidence.platform.access.Role.SENIOR_LEADER) ? slt : operator;
                String text = awaitWithout(reader, path, tries);
                if (text.toLowerCase(Locale.ROOT).contains("brannagh")) {
                    failures.add(when + ": GET " + path + " still shows the name");
                }
            }
        }
        assertThat(failures).isEmpty();
        Api.Reply access = slt.get("/api/schools/" + URN + "/subject-access?person=Ottilie%20Brannagh");
        assertThat(access.text("keyStatus")).isEqualTo("ERASED");
        assertThat(access.raw().body()).contains("[erased]");
        MongoDatabase database = app.getBean(MongoDatabase.class);
        for (String collection : database.listCollectionNames()) {
            assertThat(stored(app, collection)).as(when + ": collection " + collection).doesNotContain("brannagh");
        }
    }

    private static String awaitWithout(Api reader, String path) throws Exception {
        return awaitWithout(reader, path, 200);
    }

    private static String awaitWithout(Api reader, String path, int tries) throws Exception {
        String text = "";
        for (int i = 0; i < tries; i++) {
            HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(readerBase(reader) + path))
                               .header("Authorization", reader.authorization()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            text = ConfidentialReadsTest.text(reply);
            if (!text.toLowerCase(Locale.ROOT).contains("brannagh")) {
                return text;
            }
            Api.sleep(50);
        }
        return text;
    }

    private static String readerBase(Api reader) {
        return reader.base();
    }

    private static String stored(ConfigurableApplicationContext app, String collection) {
        StringBuilder all = new StringBuilder();
        for (Document doc : app.getBean(MongoDatabase.class).getCollection(collection).find()) {
            all.append(doc.toJson()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply;
    }
}
