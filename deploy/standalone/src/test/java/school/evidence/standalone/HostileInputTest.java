package school.evidence.standalone;

import school.evidence.ledger.RawLedger;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on writes, size and length limits, Unicode, and MongoDB operators sent as data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=hostile-input", "evidence.store.in-memory=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String URN = "100777";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Api slt;
    Scenario school;

    @BeforeAll
    void aSchool() {
        slt = new Api("http://localhost:" + port, "slt");
        school = Scenario.upToTheLessonVisit(slt, URN);
    }

    long events() {
        return RawLedger.events(database).countDocuments();
    }

    String visit(String lead) {
        return Scenario.lessonVisit(school.actionId).replace("\"lead\":\"DHT\"", "\"lead\":\"" + lead + "\"");
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstReplyAndRecordsOnce() {
        String body = visit("AHT");
        Api.Reply first = slt.post("/api/schools/" + URN + "/monitoring", body, "Idempotency-Key", "visit-7f3a");
        long after = events();
        Api.Reply again = slt.post("/api/schools/" + URN + "/monitoring", body, "Idempotency-Key", "visit-7f3a");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("activityId")).isEqualTo(first.text("activityId"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(after);

        Api.Reply changed = slt.post("/api/schools/" + URN + "/monitoring", visit("HT"), "Idempotency-Key", "visit-7f3a");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.text("detail")).contains("different request");
        assertThat(events()).isEqualTo(after);

        // keys belong to a caller: another user's same key is a different request
        Api.Reply other = slt.as("subject-leader").post("/api/schools/" + URN + "/monitoring", body,
                                                        "Idempotency-Key", "visit-7f3a");
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.text("activityId")).isNotEqualTo(first.text("activityId"));
    }

    @Test
    void concurrentDuplicatesHaveOneEffect() throws Exception {
        String body = visit("SENCo");
        long before = events();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> slt.post("/api/schools/" + URN + "/monitoring", body, "Idempotency-Key", "burst-1"));
        }
        List<Api.Reply> replies = new ArrayList<>();
        for (Future<Api.Reply> f : pool.invokeAll(calls)) {
            replies.add(f.get());
        }
        pool.shutdown();
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(replies.stream().filter(r -> r.status() == 201).map(r -> r.text("activityId")).distinct()).hasSize(1);
        assertThat(events()).isEqualTo(before + 1);
        Api.Reply later = slt.post("/api/schools/" + URN + "/monitoring", body, "Idempotency-Key", "burst-1");
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void oversizedBodiesLongTextDeepNestingAndBadKeysAreRefusedWritingNothing() {
        long before = events();
        String huge = "{\"type\":\"LESSON_VISIT\",\"strengths\":[\"" + "x".repeat(1_100_000) + "\"]}";
        Api.Reply tooBig = slt.post("/api/schools/" + URN + "/monitoring", huge);
        assertThat(tooBig.status()).isEqualTo(413);
        Api.Reply longText = slt.post("/api/schools/" + URN + "/monitoring",
                                      visit("DHT").replace("Clear modelling", "y".repeat(25_000)));
        assertThat(longText.status()).isEqualTo(400);
        Api.Reply deep = slt.post("/api/schools/" + URN + "/monitoring",
                                  "{\"type\":\"LESSON_VISIT\",\"focus\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}");
        assertThat(deep.status()).isEqualTo(400);
        Api.Reply badKey = slt.post("/api/schools/" + URN + "/monitoring", visit("DHT"), "Idempotency-Key", "k".repeat(300));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void realUnicodeIsKeptExactlyAndBrokenUnicodeOrControlCharactersAreRefused() {
        String welsh = "Ysgol Gymraeg — ŵ ŷ ï, 📚 عربى, naïve café";
        Api.Reply ok = slt.post("/api/schools/" + URN + "/monitoring", visit("DHT").replace("Clear modelling", welsh));
        assertThat(ok.status()).isEqualTo(201);
        Api.Reply list = slt.await("/api/schools/" + URN + "/monitoring", r -> r.raw().body().contains(ok.text("activityId")));
        assertThat(list.body().findValues("strengths").stream().map(s -> s.path(0).asText())).contains(welsh);
        long before = events();
        for (String bad : List.of("\\u0000", "\\ud800", "\\udc00x", "\\u0007")) {
            Api.Reply refused = slt.post("/api/schools/" + URN + "/monitoring",
                                         visit("DHT").replace("Clear modelling", "a" + bad + "b"));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("errors").path(0).path("field").asText()).as(bad).isEqualTo("strengths[0]");
        }
        assertThat(events()).isEqualTo(before);
        // the ledger still verifies with the Unicode text in it
        assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status()).isEqualTo(201);
        assertThat(slt.get("/api/schools/" + URN + "/ledger/verification").body().path("ok").asBoolean()).isTrue();
    }

    @Test
    void mongoOperatorsAreOnlyEverData() {
        slt.await("/api/schools/" + URN + "/monitoring", r -> r.body().size() >= 1);
        // an operator where a value is expected matches nothing rather than everything
        assertThat(slt.get("/api/schools/" + URN + "/monitoring?actionId=%7B%22%24ne%22%3Anull%7D").body()).isEmpty();
        assertThat(slt.get("/api/schools/" + URN + "/next-steps?owner=%7B%22%24gt%22%3A%22%22%7D").body()).isEmpty();
        assertThat(slt.get("/api/schools/%24where/monitoring").body()).isEmpty();
        long before = events();
        // an operator object where text is expected is a type error, not a query
        Api.Reply object = slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LESSON_VISIT", "occurredOn", "2023-10-12", "lead", Map.of("$gt", ""),
                "focus", Map.of("subject", "Reading")));
        assertThat(object.status()).isEqualTo(400);
        assertThat(object.body().path("errors").path(0).path("field").asText()).isEqualTo("lead");
        // operator-looking text is stored and shown as text
        Api.Reply text = slt.post("/api/schools/" + URN + "/monitoring", visit("$where"));
        assertThat(text.status()).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(slt.await("/api/schools/" + URN + "/monitoring", r -> r.raw().body().contains("\"$where\"")).raw().body())
                .contains("\"lead\":\"$where\"");
    }
}
