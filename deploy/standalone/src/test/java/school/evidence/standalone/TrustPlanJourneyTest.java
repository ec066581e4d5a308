package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trust's plan across its schools: the officer writes it (a school outside the trust is refused by name and
 * nothing is written), a school's senior leader judges how an action goes there, the officer sees every school's RAG
 * rolled up per action and priority, and the school sees the action on its home page and in its evidence pack, without
 * the other school.
 */
@TestPropertySource(properties = "evidence.journeys=action-timescale") // writes to the demo trust: not the shared service
class TrustPlanJourneyTest extends JourneyTest {

    private static final String TRUST = "wearside-learning-trust";
    private static final String RIVERSIDE = "108999";

    @Test
    void aTrustPlansActionIsJudgedPerSchoolAndRolledUp() throws Exception {
        Api officer = new Api(base(), "trust-officer");
        Api.Reply created = officer.post("/api/trusts/" + TRUST + "/plans", "{\"fromYear\":\"2026-27\","
                + "\"toYear\":\"2028-29\",\"title\":\"Wearside trust improvement plan\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String plan = created.text("planId");
        String base = "/api/trusts/" + TRUST + "/plans/" + plan;
        assertThat(officer.post(base + "/priorities", "{\"code\":\"T1\",\"statement\":\"Every child reads fluently "
                + "by the end of Year 2\"}").status()).isEqualTo(201);
        Api.Reply outside = officer.post(base + "/actions", "{\"number\":\"1\",\"title\":\"Phonics training\","
                + "\"priorities\":[\"T1\"],\"takingPart\":[\"108520\",\"123456\"]}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.raw().body()).contains("takingPart", "Not a school of the trust: 123456");
        Api.Reply action = officer.post(base + "/actions", "{\"number\":\"1\",\"title\":\"Phonics training for every "
                + "KS1 teacher\",\"priorities\":[\"T1\"],\"takingPart\":[\"108520\",\"" + RIVERSIDE + "\"],"
                + "\"costPounds\":2500,\"costBasis\":\"PER_SCHOOL\",\"fundingSource\":\"Trust school improvement fund\"}");
        assertThat(action.status()).as(action.raw().body()).isEqualTo(201);
        String actionId = action.text("actionId");

        Api slt = new Api(base(), "slt");
        String rag = "/api/schools/108520/trust-plans/" + plan + "/actions/" + actionId + "/rag";
        assertThat(slt.post(rag, "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"AMBER\",\"rationale\":\"Training done; "
                + "not yet seen in every lesson\"}").status()).isEqualTo(201);

        Api.Reply other = slt.post("/api/plans/" + PLAN_ID + "/priorities/P1/trust-link",
                                   "{\"trustPlanId\":\"" + plan + "\",\"trustPriority\":\"T9\"}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.raw().body()).contains("trustPriority");
        assertThat(slt.post("/api/plans/" + PLAN_ID + "/priorities/P1/trust-link",
                            "{\"trustPlanId\":\"" + plan + "\",\"trustPriority\":\"T1\"}").status()).isEqualTo(201);

        JsonNode view = officer.await(base, r -> r.status() == 200
                && "AMBER".equals(r.body().path("actions").get(0).path("rag").asText())).body();
        assertThat(view.path("actions").get(0).path("schools").findValuesAsText("urn"))
                .containsExactly("108520", RIVERSIDE);
        assertThat(view.path("actions").get(0).path("wholeCostPounds").asText()).isEqualTo("5000");
        assertThat(view.path("priorities").get(0).path("rag").asText()).isEqualTo("AMBER");
        assertThat(view.path("actions")).hasSize(1); // the refused action wrote nothing
        JsonNode linked = officer.await(base, r -> r.body().path("priorities").get(0).path("schools").size() == 1)
                                 .body().path("priorities").get(0).path("schools").get(0);
        assertThat(linked.path("urn").asText()).isEqualTo("108520");
        assertThat(linked.path("code").asText()).isEqualTo("P1");
        assertThat(linked.path("actions").size()).isPositive();

        String forSchool = new Api(base(), "governor").get("/api/schools/108520/trust-actions").raw().body();
        assertThat(forSchool).contains("Phonics training for every KS1 teacher", "AMBER").doesNotContain(RIVERSIDE);

        String pack = slt.get("/api/schools/108520/evidence-pack?from=2026-09-01&to=2026-12-04&format=HTML").raw().body();
        assertThat(pack).contains("From the trust's plan", "Wearside trust improvement plan: 1. Phonics training for "
                                  + "every KS1 teacher", "Training done; not yet seen in every lesson")
                        .doesNotContain(RIVERSIDE, "Riverside");

        signIn(browser, "trust-officer");
        browser.open("/trusts/" + TRUST);
        browser.go(By.linkText("The trust's plans"));
        browser.go(By.linkText("Wearside trust improvement plan, 2026-27 to 2028-29"));
        assertThat(browser.text()).contains("T1: Every child reads fluently by the end of Year 2",
                                            "1 Phonics training for every KS1 teacher", "Usworth Colliery Primary School",
                                            "Riverside Primary School", "Autumn 2: Training done",
                                            "Usworth Colliery Primary School, 2026-27: P1",
                                            "£2,500.00 per school, from Trust school improvement fund; £5,000.00 for the 2 schools");
        browser.accessible("a trust's plan");
        browser.fitsNarrowScreen("a trust's plan");
        browser.screenshot("trust-plan");

        signIn(browser, "slt");
        browser.open("/schools/108520");
        assertThat(browser.text()).contains("From the trust's plan", "Action 1, Phonics training for every KS1 teacher")
                                  .doesNotContain("Riverside");
        browser.accessible("home with the trust's actions");
    }

    @Test
    void anOfficerStartsAPlanAndAddsItsPriorityAndAnActionFromThePagesKeepingWhatWasTypedWhenRefused() {
        signIn(browser, "trust-officer");
        browser.open("/trusts/" + TRUST + "/plans");
        browser.type("title", "Wearside writing plan");
        browser.type("fromYear", "2028-29");
        browser.type("toYear", "2029");
        browser.go(By.xpath("//button[text()='Start the plan']"));
        assertThat(browser.text()).contains("There is a problem", "Enter the academic year as two years");
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("Wearside writing plan");
        browser.accessible("starting a trust plan, with a mistake");
        browser.type("toYear", "2029-30");
        browser.go(By.xpath("//button[text()='Start the plan']"));
        assertThat(browser.text()).contains("Plan started", "Wearside writing plan", "Academic years 2028-29 to 2029-30",
                                            "Add a priority first");

        browser.type("code", "t1");
        browser.type("statement", "Writing at greater depth in every school");
        browser.go(By.xpath("//button[text()='Add the priority']"));
        assertThat(browser.text()).contains("Priority T1 added", "T1: Writing at greater depth in every school");

        browser.type("number", "1");
        browser.type("leads", "Trust English lead");
        browser.find(By.xpath("//label[text()='T1: Writing at greater depth in every school']")).click();
        browser.find(By.xpath("//label[text()='Riverside Primary School']")).click();
        browser.type("cost", "£1,200");
        browser.find(By.xpath("//label[text()='Per school']")).click();
        browser.go(By.xpath("//button[text()='Add the action']"));
        assertThat(browser.text()).contains("There is a problem", "Enter what the action is");
        assertThat(browser.find(By.id("number")).getAttribute("value")).isEqualTo("1");
        assertThat(browser.find(By.id("takingPart-" + RIVERSIDE)).isSelected()).isTrue();
        browser.accessible("adding a trust action, with a mistake");
        browser.type("title", "Moderation of writing across the trust");
        browser.go(By.xpath("//button[text()='Add the action']"));
        assertThat(browser.text()).contains("Action 1 added", "1 Moderation of writing across the trust",
                                            "Trust English lead", "£1,200.00 per school", "The schools taking part",
                                            "Riverside Primary School");
        browser.accessible("a trust's plan with its forms");
        browser.fitsNarrowScreen("a trust's plan with its forms");
    }
}
