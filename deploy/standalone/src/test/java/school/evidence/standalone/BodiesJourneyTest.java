package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies, not just people: the trust registers its standards board, a senior leader adds the school's committee from
 * the page (a blank form and a second registration are refused in plain words), and an action that names them as
 * monitoring and evaluating it is listed under each; a governor reads the page without the form.
 */
@TestPropertySource(properties = "evidence.journeys=action-timescale") // writes to the demo plan: not the shared service
class BodiesJourneyTest extends JourneyTest {

    private static final String TRUST = "wearside-learning-trust";

    @Test
    void aSchoolsAndItsTrustsBodiesAreListedWithTheActionsThatNameThem() throws Exception {
        Api officer = new Api(base(), "trust-officer");
        assertThat(officer.post("/api/trusts/" + TRUST + "/bodies", "{\"name\":\"Standards Board\",\"kind\":\"BOARD\","
                + "\"remit\":\"Holds the trust's heads to account for standards\"}").status()).isEqualTo(201);
        assertThat(officer.post("/api/trusts/" + TRUST + "/bodies", "{\"name\":\"standards board!\",\"kind\":\"BOARD\"}")
                          .status()).isEqualTo(409);
        Api slt = new Api(base(), "slt");
        String sectionId = slt.get("/api/plans/" + PLAN_ID).body().path("sections").get(0).path("sectionId").asText();
        Api.Reply added = slt.post("/api/plans/" + PLAN_ID + "/actions", "{\"sectionId\":\"" + sectionId
                + "\",\"number\":\"10\",\"title\":\"Reading tutors for Year 6\",\"leads\":[\"English lead\"],"
                + "\"monitoredBy\":[\"Curriculum and Standards Committee\"],\"evaluatedBy\":[\"Standards Board\"]}");
        assertThat(added.status()).isEqualTo(201);
        slt.await("/api/schools/108520/bodies", r -> r.body().path("bodies").size() == 1
                && r.body().path("bodies").get(0).path("namedIn").size() == 1);

        signIn(browser, "slt");
        browser.open("/schools/108520");
        browser.go(By.linkText("Boards, committees and partners"));
        assertThat(browser.heading()).isEqualTo("Boards, committees and partners");
        assertThat(browser.text()).contains("Standards Board", "The trust's: Wearside Learning Trust",
                                            "Holds the trust's heads to account for standards",
                                            "Action 10, Reading tutors for Year 6 (2026-27): evaluates");

        browser.go(By.xpath("//button[text()='Add the body']"));
        assertThat(browser.text()).contains("There is a problem", "Enter the body's name",
                                            "Choose what kind of body it is");
        browser.accessible("bodies with a refused form");
        browser.type("name", "Curriculum and Standards Committee");
        browser.find(By.cssSelector("label[for='kind-COMMITTEE']")).click();
        browser.type("remit", "Standards, curriculum and the plan's teaching actions");
        browser.go(By.xpath("//button[text()='Add the body']"));
        assertThat(browser.text()).contains("Curriculum and Standards Committee added", "The school's own",
                                            "Action 10, Reading tutors for Year 6 (2026-27): monitors");
        browser.accessible("bodies");
        browser.fitsNarrowScreen("bodies");
        browser.screenshot("bodies");

        browser.type("name", "Curriculum & Standards Committee");
        browser.find(By.cssSelector("label[for='kind-COMMITTEE']")).click();
        browser.go(By.xpath("//button[text()='Add the body']"));
        assertThat(browser.text()).contains("A body called Curriculum & Standards Committee is already registered");
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Curriculum & Standards Committee");

        browser.go(By.linkText("Action 10, Reading tutors for Year 6 (2026-27)"));
        assertThat(browser.text()).contains("Monitored by", "Curriculum and Standards Committee (committee)",
                                            "Evaluated by", "Standards Board (board)");
        browser.accessible("an action monitored and evaluated by bodies");

        JsonNode bodies = new Api(base(), "governor").get("/api/schools/108520/bodies").body().path("bodies");
        assertThat(bodies.findValuesAsText("name")).containsExactly("Curriculum and Standards Committee",
                                                                     "Standards Board");
        assertThat(bodies.get(0).path("kind").asText()).isEqualTo("COMMITTEE");
        signIn(browser, "governor");
        browser.open("/schools/108520/bodies");
        assertThat(browser.text()).contains("Curriculum and Standards Committee").doesNotContain("Add the body");
    }
}
