package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record is corrected, never overwritten: a subject leader changes one (the form starts from what it says, a
 * missing reason is asked for without losing the change) and every version stays; a senior leader retracts one with
 * a reason and it stays, marked. A later visit follows up an earlier next step, which is then no longer open.
 */
class AmendAndRetractJourneyTest extends JourneyTest {

    private void openRecord(String who, String kind) throws Exception {
        signIn(browser, who);
        browser.open("/schools/108520/monitoring?type=" + kind);
        browser.go(By.cssSelector("table.govuk-table tbody a"));
    }

    @Test
    void aSubjectLeaderChangesARecordAndBothVersionsStay() throws Exception {
        openRecord("subject-leader", "LEARNING_WALK");
        assertThat(browser.heading()).startsWith("Learning walk, ");
        assertThat(browser.text()).contains("Reading areas inviting and well stocked", "Led by");
        browser.accessible("monitoring record");
        browser.fitsNarrowScreen("monitoring record");
        browser.screenshot("record");

        browser.go(By.linkText("Change this record"));
        assertThat(browser.heading()).startsWith("Change the learning walk of ");
        assertThat(browser.find(By.id("lead")).getAttribute("value")).isEqualTo("HT");
        assertThat(browser.find(By.id("strengths")).getAttribute("value"))
                .isEqualTo("Reading areas inviting and well stocked");
        assertThat(browser.find(By.id("learningWalk-classesVisited")).getAttribute("value"))
                .isEqualTo("Reception\nY1\nY2");
        browser.type("strengths", "Reading areas inviting and well stocked\nBook corners used at lunchtime");
        browser.go(By.xpath("//button[text()='Save the change']"));

        assertThat(browser.text()).contains("There is a problem", "Say why you are changing it");
        assertThat(browser.find(By.id("strengths")).getAttribute("value"))
                .isEqualTo("Reading areas inviting and well stocked\nBook corners used at lunchtime");
        browser.accessible("amend form with errors");
        browser.type("reason", "Lunchtime use was seen but left out");
        browser.go(By.xpath("//button[text()='Save the change']"));

        assertThat(browser.text()).contains("Your change is saved as a new version", "Book corners used at lunchtime",
                                            "Changes", "by Demo Subject Leader: Lunchtime use was seen but left out");
        browser.accessible("record after a change");
    }

    @Test
    void aSeniorLeaderRetractsARecordWithAReasonAndItStaysMarked() throws Exception {
        openRecord("slt", "PLANNING_SCRUTINY");
        String address = browser.path();
        browser.go(By.xpath("//button[text()='Retract']"));
        assertThat(browser.text()).contains("There is a problem", "Say why it is retracted");
        browser.accessible("retract with errors");

        browser.type("reason", "Recorded against the wrong school");
        browser.go(By.xpath("//button[text()='Retract']"));
        assertThat(browser.path()).isEqualTo(address);
        assertThat(browser.text()).contains("The record is retracted", "Retracted ", "by Demo Senior Leader",
                                            "Recorded against the wrong school")
                                  .doesNotContain("Change this record");
        browser.accessible("retracted record");

        browser.open("/schools/108520/monitoring?type=PLANNING_SCRUTINY");
        assertThat(browser.text()).contains("0 records");
        browser.open("/schools/108520/monitoring?type=PLANNING_SCRUTINY&withRetracted=true");
        assertThat(browser.find(By.cssSelector("table.govuk-table")).getText()).contains("Retracted");
    }

    @Test
    void aLaterVisitFollowsUpAnEarlierNextStep() throws Exception {
        signIn(browser, "slt");
        browser.open("/schools/108520/monitoring/new/lesson-visit");
        String step = "Pace in independent work slowed for higher attainers";
        assertThat(browser.text()).contains("Earlier next steps it followed up", step);
        browser.date("occurredOn", "3", "12", "2026");
        browser.type("lead", "DHT");
        String checkId = browser.find(By.xpath("//legend[starts-with(., '" + step + "')]/..//input[@value='ACTED_UPON']"))
                                .getAttribute("id");
        browser.find(By.cssSelector("label[for='" + checkId + "']")).click();
        String impact = checkId.substring(0, checkId.lastIndexOf('-')) + "-impact";
        browser.type(impact, "Extension tasks ready at the start of independent work");
        browser.accessible("record form with follow-ups");
        browser.go(By.xpath("//button[text()='Save']"));
        assertThat(browser.text()).contains("Lesson visit recorded");

        browser.open("/schools/108520/next-steps");
        assertThat(browser.text()).doesNotContain(step);
    }
}
