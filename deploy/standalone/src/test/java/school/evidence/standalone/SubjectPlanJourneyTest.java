package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject leader's plan inside the school's: the English lead writes it and an action supporting a school action,
 * monitoring cites that action, a senior leader judges its RAG, and the school plan shows it beside the action it
 * supports while its own RAG counts only the school's actions.
 */
@TestPropertySource(properties = "evidence.journeys=action-timescale") // writes to the demo plan: not the shared service
class SubjectPlanJourneyTest extends JourneyTest {

    @Test
    void aSubjectPlansActionIsMonitoredJudgedAndShownBesideTheSchoolActionItSupports() throws Exception {
        Api slt = new Api(base(), "slt");
        Api lead = new Api(base(), "subject-leader");
        JsonNode before = slt.get("/api/plans/" + PLAN_ID).body();
        JsonNode schoolAction = before.path("actions").get(0);
        String schoolActionId = schoolAction.path("actionId").asText();

        Api.Reply added = lead.post("/api/plans/" + PLAN_ID + "/subject-plans",
                                    "{\"area\":\"English\",\"kind\":\"SUBJECT\",\"leader\":\"English lead\"}");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(added.text("subjectPlanId")).isEqualTo("english");
        assertThat(lead.post("/api/plans/" + PLAN_ID + "/subject-plans/english/actions",
                             "{\"number\":\"1\",\"title\":\"Phonics catch-up for Year 2\",\"supports\":[\"nope\"]}")
                       .status()).isEqualTo(400);
        Api.Reply action = lead.post("/api/plans/" + PLAN_ID + "/subject-plans/english/actions",
                                     "{\"number\":\"1\",\"title\":\"Phonics catch-up for Year 2\","
                                     + "\"leads\":[\"English lead\"],\"supports\":[\"" + schoolActionId + "\"]}");
        assertThat(action.status()).as(action.raw().body()).isEqualTo(201);
        String actionId = action.text("actionId");

        Api.Reply walk = lead.postJson("/api/schools/108520/monitoring", Map.of("type", "LEARNING_WALK",
                "occurredOn", "2026-12-01", "lead", "English lead",
                "strengths", List.of("Year 2 phonics groups run daily"), "actionIds", List.of(actionId)));
        assertThat(walk.status()).as(walk.raw().body()).isEqualTo(201);
        assertThat(slt.post("/api/plans/" + PLAN_ID + "/actions/" + actionId + "/rag",
                            "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"AMBER\",\"rationale\":\"Groups run; no data yet\","
                            + "\"evidence\":[\"" + walk.text("activityId") + "\"]}").status()).isEqualTo(201);

        JsonNode plan = slt.await("/api/plans/" + PLAN_ID, r -> "AMBER".equals(
                find(r.body(), actionId).path("rag").asText())).body();
        assertThat(plan.path("rollUp").path("actions").asInt())
                .isEqualTo(before.path("rollUp").path("actions").asInt()); // the school's own actions only
        assertThat(plan.path("subjectPlans").get(0).path("rollUp").path("rag").asText()).isEqualTo("AMBER");
        assertThat(find(plan, schoolActionId).path("subjectActions").get(0).path("title").asText())
                .isEqualTo("Phonics catch-up for Year 2");

        String pack = slt.get("/api/schools/108520/evidence-pack?from=2026-09-01&to=2026-12-04&format=HTML").raw().body();
        assertThat(pack).contains("English action plan, led by English lead", "1. Phonics catch-up for Year 2",
                                  "Groups run; no data yet");

        signIn(browser, "subject-leader");
        browser.open("/plans/" + PLAN_ID);
        assertThat(browser.text()).contains("Subject leaders' plans", "English action plan, led by English lead",
                                            "English: 1 Phonics catch-up for Year 2");
        browser.go(By.linkText("English action plan, led by English lead"));
        assertThat(browser.heading()).isEqualTo("English action plan");
        assertThat(browser.text()).contains("1 Phonics catch-up for Year 2", "Amber",
                                            "School plan action " + schoolAction.path("number").asText() + ": "
                                            + schoolAction.path("title").asText());
        browser.accessible("a subject leader's plan");
        browser.fitsNarrowScreen("a subject leader's plan");
        browser.screenshot("subject-plan");
        browser.go(By.linkText("1 Phonics catch-up for Year 2"));
        assertThat(browser.text()).contains("In", "English action plan, led by English lead", "Supports",
                                            "Year 2 phonics groups run daily");
        browser.accessible("a subject plan's action");
    }

    private static JsonNode find(JsonNode plan, String actionId) {
        return StreamSupport.stream(plan.path("actions").spliterator(), false)
                            .filter(a -> a.path("actionId").asText().equals(actionId)).findFirst()
                            .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
}
