package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trust officer compares the trust's two schools side by side, sorts them by phase, opens the one in Stabilise,
 * reads its phase timeline and records its move to Repair (a form with mistakes first); the overview and the timeline
 * show it.
 */
class TrustJourneyTest extends JourneyTest {

    private static final String TRUST = "/trusts/wearside-learning-trust";

    @Test
    void aTrustOfficerComparesTheSchoolsAndRecordsAPhaseChange() throws Exception {
        signIn(browser, "trust-officer");
        browser.open(TRUST);
        assertThat(browser.heading()).isEqualTo("Wearside Learning Trust");
        String table = browser.find(By.cssSelector("table.govuk-table")).getText();
        assertThat(table).contains("Usworth Colliery Primary School", "Riverside Primary School", "Improve", "Stabilise",
                                   "Head teacher, Usworth Colliery", "None recorded")
                         .doesNotContain("STABILISE", "IMPROVE", "NOT_JUDGED");
        browser.accessible("trust overview");
        browser.fitsNarrowScreen("trust overview");
        browser.screenshot("trust");

        browser.go(By.linkText("Improvement phase"));
        assertThat(browser.find(By.cssSelector("tbody tr th")).getText()).as("Stabilise first")
                .isEqualTo("Riverside Primary School");
        browser.go(By.linkText("Riverside Primary School"));
        assertThat(browser.heading()).isEqualTo("Riverside Primary School");
        assertThat(browser.text()).contains("Stabilise from", "Attendance below 90%");

        browser.go(By.xpath("//button[text()='Record the phase change']"));
        assertThat(browser.text()).contains("There is a problem", "Choose the new phase", "Enter the day it takes effect",
                                            "Say why the phase changes");
        browser.accessible("phase change with errors");
        browser.find(By.id("phase-REPAIR")).click();
        browser.date("effectiveOn", "1", "12", "2026");
        browser.type("reason", "Attendance is rising and routines are in place in KS1");
        browser.type("measures", "Attendance 93% this half-term\nPersistent absence down to 17%");
        browser.go(By.xpath("//button[text()='Record the phase change']"));

        assertThat(browser.text()).contains("Phase change recorded", "Repair from 1 December 2026",
                                            "Attendance is rising", "Persistent absence down to 17%");
        browser.accessible("school's phase timeline");
        browser.screenshot("trust-school");
        browser.go(By.linkText("Wearside Learning Trust"));
        assertThat(browser.find(By.xpath("//th[contains(., 'Riverside')]/..")).getText()).contains("Repair");
    }
}
