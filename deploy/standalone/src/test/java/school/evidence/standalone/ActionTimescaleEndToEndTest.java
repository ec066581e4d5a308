package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An action running over three years with milestones: stored through the API, read back field by field, shown on its
 * page, the plan's page and the evidence pack in words, and kept when the action is changed from a page form that does not show it;
 * its cost a year from pupil premium counted over its three years, and changed to per school from the same form.
 */
@TestPropertySource(properties = "evidence.journeys=action-timescale") // changes the demo plan: a service of its own
class ActionTimescaleEndToEndTest extends JourneyTest {

    private static final String TIMESCALE = """
            "timescale":{"startsOn":"2025-09-01","endsOn":"2028-07-21","milestones":[
              {"dueOn":"2026-03-31","title":"Library restocked","criteria":["Every class borrows weekly"]},
              {"dueOn":"2025-12-19","title":"Staff trained","criteria":["All staff attended phonics CPD"]},
              {"dueOn":"2026-12-11","title":"Reading audit"}]}""";

    @Test
    void aThreeYearActionWithMilestonesReadsBackShowsOnItsPageAndSurvivesAChangeFromThePage() throws Exception {
        Api slt = new Api(base(), "slt");
        String sectionId = slt.get("/api/plans/" + PLAN_ID).body().path("sections").get(0).path("sectionId").asText();
        Api.Reply added = slt.post("/api/plans/" + PLAN_ID + "/actions",
                                   "{\"sectionId\":\"" + sectionId + "\",\"number\":\"9\",\"title\":\"Reading spine\","
                                           + "\"costPounds\":4000,\"costBasis\":\"PER_YEAR\","
                                           + "\"fundingSource\":\"Pupil premium\"," + TIMESCALE + "}");
        assertThat(added.status()).isEqualTo(201);
        String actionId = added.text("actionId");

        JsonNode plan = slt.await("/api/plans/" + PLAN_ID, r -> action(r.body(), actionId) != null).body();
        JsonNode timescale = action(plan, actionId).path("timescale");
        assertThat(timescale.path("startsOn").asText()).isEqualTo("2025-09-01");
        assertThat(timescale.path("endsOn").asText()).isEqualTo("2028-07-21");
        assertThat(timescale.path("ongoing").asBoolean()).isFalse();
        assertThat(timescale.path("milestones").findValuesAsText("title"))
                .containsExactly("Staff trained", "Library restocked", "Reading audit");
        assertThat(timescale.path("milestones").get(1).path("dueOn").asText()).isEqualTo("2026-03-31");
        assertThat(timescale.path("milestones").get(1).path("criteria").get(0).asText())
                .isEqualTo("Every class borrows weekly");
        assertThat(action(plan, actionId).path("costBasis").asText()).isEqualTo("PER_YEAR");
        assertThat(action(plan, actionId).path("fundingSource").asText()).isEqualTo("Pupil premium");
        assertThat(action(plan, actionId).path("wholeCostPounds").asText()).isEqualTo("12000"); // three school years
        assertThat(plan.path("costs").path("bySource").findValuesAsText("fundingSource")).contains("Pupil premium");

        String pack = slt.get("/api/schools/108520/evidence-pack?from=2026-09-01&to=2026-12-04&format=HTML").raw().body();
        assertThat(pack).contains("9. Reading spine", "From 1 September 2025 to 21 July 2028",
                                  "Milestone by 19 December 2025: Staff trained");

        signIn(browser, "slt");
        browser.open("/plans/" + PLAN_ID);
        assertThat(browser.text()).contains("From 1 September 2025 to 21 July 2028; 3 milestones, the first due "
                                            + "19 December 2025",
                                            "£4,000.00 a year, £12,000.00 over its timescale, from Pupil premium",
                                            "What the plan costs");
        browser.accessible("a plan with its costs");
        browser.open("/schools/108520"); // the demo day, 4 December 2026, is in Autumn 2
        assertThat(browser.text()).contains("Milestones due this half-term",
                                            "Action 9, Reading spine: Reading audit, by 11 December 2026");
        browser.accessible("home with milestones due");
        String page = "/plans/" + PLAN_ID + "/actions/" + actionId;
        browser.open(page);
        assertThat(browser.text()).contains("From 1 September 2025 to 21 July 2028", "By 19 December 2025:",
                                            "Staff trained", "All staff attended phonics CPD",
                                            "By 31 March 2026:", "Library restocked");
        browser.accessible("an action with a timescale and milestones");
        browser.fitsNarrowScreen("an action with a timescale and milestones");
        browser.screenshot("action-timescale");

        browser.go(By.linkText("Change or withdraw this action"));
        assertThat(browser.find(By.id("costBasis-PER_YEAR")).isSelected()).isTrue();
        browser.accessible("change an action with its cost");
        browser.type("title", "Reading spine in every class");
        browser.find(By.cssSelector("label[for='costBasis-PER_SCHOOL']")).click();
        browser.type("fundingSource", "Trust school improvement fund");
        browser.type("reason", "Wording agreed with the English leader; the trust funds it per school");
        browser.go(By.xpath("//button[text()='Save the change']"));
        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.text()).contains("Reading spine in every class", "From 1 September 2025 to 21 July 2028",
                                            "Library restocked",
                                            "£4,000.00 per school, from Trust school improvement fund");

        browser.go(By.linkText("Change or withdraw this action")); // the dates are on the form; the milestones stay
        assertThat(browser.find(By.id("startsOn-day")).getAttribute("value")).isEqualTo("1");
        assertThat(browser.find(By.id("endsOn-year")).getAttribute("value")).isEqualTo("2028");
        browser.type("endsOn-day", "1");
        browser.type("endsOn-month", "1");
        browser.type("endsOn-year", "2026");
        browser.type("reason", "Brought forward");
        browser.go(By.xpath("//button[text()='Save the change']"));
        assertThat(browser.text()).contains("There is a problem", "outside the action's span");
        assertThat(browser.find(By.id("endsOn-year")).getAttribute("value")).isEqualTo("2026"); // as typed
        browser.accessible("change an action with its dates refused");
        browser.type("endsOn-day", "20");
        browser.type("endsOn-month", "7");
        browser.type("endsOn-year", "2029");
        browser.go(By.xpath("//button[text()='Save the change']"));
        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.text()).contains("From 1 September 2025 to 20 July 2029", "Library restocked",
                                            "Reading audit");
    }

    private static JsonNode action(JsonNode plan, String actionId) {
        return StreamSupport.stream(plan.path("actions").spliterator(), false)
                            .filter(a -> a.path("actionId").asText().equals(actionId)).findFirst().orElse(null);
    }
}
