package school.evidence.standalone;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a teacher: afterwards no reply, export, pack or read model (rebuilt from the ledger) holds their name or the
 * notes about them, nothing in the database does in plain text, and the ledger still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=erasure", "evidence.store.in-memory=true"})
class ErasureEndToEndTest {

    static final String URN = "100555";
    static final String TEACHER = "Rosa Hart";
    static final String NOTE = "inference questions landed with the lower-attaining group";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;

    @Test
    void anErasedTeacherIsGoneFromEveryReadAndTheLedgerStillVerifies() {
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario school = Scenario.upToTheLessonVisit(slt, URN);
        Api.Reply visit = slt.postJson("/api/schools/" + URN + "/monitoring", Map.of(
                "type", "LESSON_VISIT", "occurredOn", "2023-10-19", "lead", "DHT", "confidential", true,
                "focus", Map.of("subject", "Reading", "yearGroups", List.of("Y4")),
                "strengths", List.of(TEACHER + ": " + NOTE), "actionIds", List.of(school.actionId),
                "nextSteps", List.of(Map.of("text", "Share " + NOTE, "owner", TEACHER, "dueOn", "2023-11-30")),
                "lessonVisit", Map.of("kind", "OBSERVATION", "className", "4B", "teacher", TEACHER)));
        assertThat(visit.status()).as(visit.raw().body()).isEqualTo(201);
        String monitoring = "/api/schools/" + URN + "/monitoring";
        assertThat(slt.await(monitoring, r -> r.raw().body().contains(NOTE)).raw().body()).contains(TEACHER);
        // stored encrypted: the ledger itself never held the name in plain text
        assertThat(everythingStored("events")).doesNotContain(TEACHER).doesNotContain(NOTE);

        Api.Reply access = slt.get("/api/schools/" + URN + "/subject-access?person=rosa%20hart");
        assertThat(access.text("keyStatus")).isEqualTo("ACTIVE");
        assertThat(access.body().path("recordsAbout")).hasSize(1);
        assertThat(access.raw().body()).contains(NOTE);

        Api.Reply erased = slt.postJson("/api/schools/" + URN + "/erasures",
                                        Map.of("person", TEACHER, "reason", "Former member of staff asked for erasure"));
        assertThat(erased.status()).as(erased.raw().body()).isEqualTo(201);
        assertThat(slt.await(monitoring, r -> !r.raw().body().contains(NOTE) && r.raw().body().contains("[erased]"))
                      .raw().body()).contains("[erased]").doesNotContain(NOTE);
        assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status()).isEqualTo(201);

        List<String> reads = new ArrayList<>(List.of(
                monitoring, monitoring + "?asOf=2099-01-01T00:00:00Z", "/api/schools/" + URN + "/next-steps?status=ALL",
                "/api/plans/" + school.planId + "/actions/" + school.actionId + "/timeline",
                "/api/plans/" + school.planId, "/api/schools/" + URN + "/audit",
                "/api/schools/" + URN + "/evidence-pack?from=2023-09-01&to=2024-08-31",
                "/api/schools/" + URN + "/evidence-pack?from=2023-09-01&to=2024-08-31&format=HTML",
                "/api/schools/" + URN + "/ledger/feed?size=1000"));
        for (String read : reads) {
            // read models are rebuilt one after another: each converges, none may keep the data
            Api.Reply reply = slt.await(read, r -> !r.raw().body().contains(TEACHER) && !r.raw().body().contains(NOTE));
            assertThat(reply.status()).as(read).isEqualTo(200);
            assertThat(reply.raw().body()).as(read).doesNotContain(TEACHER).doesNotContain(NOTE);
        }
        Api.Reply afterwards = slt.get("/api/schools/" + URN + "/subject-access?person=Rosa%20Hart");
        assertThat(afterwards.text("keyStatus")).isEqualTo("ERASED");
        assertThat(afterwards.body().path("recordsAbout").toString()).contains("[erased]").doesNotContain(TEACHER)
                                                                    .doesNotContain(NOTE);
        // the erasure itself is on the record, by key, without the name
        // (awaited: the audit trail may be mid-swap, briefly empty, while the erasure's rebuilds run; README)
        assertThat(slt.await("/api/schools/" + URN + "/audit", r -> r.raw().body().contains("DataSubjectErased"))
                      .raw().body()).contains("DataSubjectErased");

        // a replay of a read model cannot bring it back
        Api operator = slt.as("operator");
        assertThat(operator.post("/api/operations/projections/monitoring-list/rebuild", "{}").status()).isEqualTo(200);
        assertThat(slt.get(monitoring).raw().body()).doesNotContain(TEACHER).doesNotContain(NOTE);
        // nothing in any collection holds it in plain text
        for (String collection : database.listCollectionNames()) {
            assertThat(everythingStored(collection)).as(collection).doesNotContain(TEACHER).doesNotContain(NOTE);
        }
        // and the ledger verifies: its leaves hash the ciphertext, which erasure did not touch
        assertThat(slt.awaitPost("/api/schools/" + URN + "/checkpoints").status()).isEqualTo(201);
        Api.Reply verification = slt.get("/api/schools/" + URN + "/ledger/verification");
        assertThat(verification.body().path("ok").asBoolean()).as(verification.raw().body()).isTrue();
    }

    private String everythingStored(String collection) {
        StringBuilder all = new StringBuilder();
        for (Document doc : database.getCollection(collection).find()) {
            all.append(doc.toJson()).append('\n');
        }
        return all.toString();
    }
}
