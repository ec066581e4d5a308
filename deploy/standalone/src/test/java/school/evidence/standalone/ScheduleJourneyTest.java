package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A senior leader sees this half-term on the home page (criteria due, actions not judged, monitoring planned and not
 * done), then the year's schedule and which actions had monitoring in a half-term, now and as it stood earlier.
 */
class ScheduleJourneyTest extends JourneyTest {

    @Test
    void aLeaderSeesThisHalfTermTheScheduleAndCoverage() throws Exception {
        signIn(browser, "slt");
        String home = browser.text();
        assertThat(home).contains("This half-term (Autumn 2)", "Success criteria due now, not yet judged",
                                  "Timetables streamlined so every class has time to cover all subjects",
                                  "Actions with no RAG for this half-term yet",
                                  "Monitoring planned and not done yet", "Deep dive of History, by AHT");

        browser.go(By.linkText("Schedule and coverage"));
        assertThat(browser.heading()).isEqualTo("Monitoring schedule and coverage");
        String page = browser.text();
        assertThat(page).contains("0 done, 2 still to do, 0 overdue, 0 cancelled.", "Autumn 2", "Spring 1",
                                  "Deep dive", "History", "Lesson visit", "Maths", "To do")
                        .doesNotContain("DEEP_DIVE", "PLANNED", "AUTUMN_2");
        assertThat(page).contains("Actions with no monitoring evidence", "Actions with monitoring evidence");
        browser.accessible("schedule");
        browser.fitsNarrowScreen("schedule");
        browser.screenshot("schedule");

        new Select(browser.find(By.id("halfTerm"))).selectByVisibleText("Autumn 1");
        browser.go(By.xpath("//button[text()='Show']"));
        assertThat(browser.path()).contains("halfTerm=AUTUMN_1");
        assertThat(browser.text()).contains("Autumn 1: ");

        // as it stood a moment ago: the banner says so and the half-term chosen is kept
        browser.find(By.cssSelector(".govuk-details__summary")).click();
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("asOf")),
                LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.SECONDS).toString());
        browser.go(By.xpath("//button[text()='Show as it stood']"));
        assertThat(browser.path()).contains("halfTerm=AUTUMN_1");
        assertThat(browser.text()).contains("You are looking at the coverage as it stood on", "Autumn 1: ");
        browser.accessible("schedule as it stood");
    }
}
