package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import school.evidence.kernel.monitoring.MonitoringType;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject leader records a book scrutiny in the browser, with two next steps, against two actions; it shows on the
 * action's timeline and among the school's open next steps. A form with mistakes comes back filled in with each
 * mistake named; a governor cannot open a lesson-visit form.
 */
class RecordMonitoringJourneyTest extends JourneyTest {

    private void openBookScrutinyForm(String who) throws Exception {
        browser.open("/sign-in");
        browser.go(By.id("sign-in-" + who));
        browser.go(By.linkText("Record monitoring"));
        browser.accessible("choose the kind");
        browser.go(By.linkText("Book scrutiny"));
        assertThat(browser.heading()).isEqualTo("Record a book scrutiny");
    }

    @Test
    void aSubjectLeaderRecordsABookScrutinyWithTwoNextStepsAgainstTwoActions() throws Exception {
        openBookScrutinyForm("subject-leader");
        browser.accessible("record form");
        browser.fitsNarrowScreen("record form");
        assertThat(browser.driver.findElements(By.id("lessonVisit-teacher"))).as("only the kind's own fields").isEmpty();

        browser.date("occurredOn", "26", "11", "2026");
        browser.type("lead", "English lead");
        browser.type("subject", "English");
        browser.find(By.cssSelector("input[name=yearGroups][value=Y4]")).click();
        browser.type("workScrutiny-sampleSize", "12");
        browser.type("strengths", "Handwriting joined in most books\nSpelling rules practised weekly");
        browser.type("areasForDevelopment", "Extended writing is rare");
        List<WebElement> actions = browser.driver.findElements(By.name("actionIds"));
        String firstAction = browser.find(By.cssSelector("label[for=actionIds]")).getText();
        actions.get(0).click();
        actions.get(2).click();
        browser.type("step1-text", "Weekly extended write in Y4");
        browser.type("step1-owner", "Y4 team");
        browser.date("step1-due", "19", "1", "2027");
        browser.type("step2-text", "Share the spelling approach with Y3");
        browser.type("step2-owner", "English lead");
        browser.date("step2-due", "9", "2", "2027");
        browser.screenshot("record-form");
        browser.go(By.xpath("//button[text()='Save']"));

        assertThat(browser.text()).contains("Book scrutiny recorded", ", by Demo Subject Leader",
                                            "Handwriting joined in most books", "Happened on 26 November 2026");
        assertThat(browser.heading()).isEqualTo(firstAction);
        browser.accessible("action after recording");

        browser.open("/schools/108520/monitoring?type=BOOK_SCRUTINY");
        String table = browser.find(By.cssSelector("table.govuk-table")).getText();
        assertThat(table).contains("26 November 2026", "Book scrutiny", "English lead", "English Y4")
                         .doesNotContain("Lesson visit");
        browser.accessible("monitoring list");
        browser.fitsNarrowScreen("monitoring list");
        browser.screenshot("monitoring");

        // with JavaScript, htmx swaps in the filtered list and its count without loading the page again
        browser.open("/schools/108520/monitoring");
        String all = browser.find(By.id("monitoring-count")).getText();
        WebElement page = browser.find(By.tagName("html"));
        browser.find(By.cssSelector(".govuk-details__summary")).click();
        new Select(browser.find(By.id("type"))).selectByVisibleText("Book scrutiny");
        browser.find(By.xpath("//button[text()='Show']")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("monitoring-count")).getText().equals(all));
        assertThat(page.isDisplayed()).as("the same page, not a new one").isTrue();
        assertThat(browser.path()).contains("type=BOOK_SCRUTINY");
        assertThat(browser.find(By.cssSelector("table.govuk-table")).getText()).contains("Book scrutiny")
                                                                                  .doesNotContain("Lesson visit");
        browser.accessible("monitoring list filtered in place");

        browser.open("/schools/108520/next-steps");
        assertThat(browser.text()).contains("Weekly extended write in Y4", "Y4 team", "19 January 2027",
                                            "Share the spelling approach with Y3");
        browser.accessible("next steps");
        browser.fitsNarrowScreen("next steps");
        browser.find(By.id("owner")).sendKeys("Y4 team");
        browser.go(By.xpath("//button[text()='Show']"));
        assertThat(browser.text()).contains("Weekly extended write in Y4")
                                  .doesNotContain("Share the spelling approach with Y3");
    }

    @Test
    void aFormWithMistakesComesBackFilledInWithEachMistakeNamed() throws Exception {
        openBookScrutinyForm("slt");
        browser.date("occurredOn", "31", "2", "2023");
        browser.type("workScrutiny-sampleSize", "twelve");
        browser.type("strengths", "Presentation is consistent");
        browser.type("step1-text", "Model extended writing");
        browser.go(By.xpath("//button[text()='Save']"));

        assertThat(browser.heading()).isEqualTo("Record a book scrutiny");
        assertThat(browser.text()).contains("There is a problem", "Enter the date it happened",
                                            "Enter who led it", "as a number", "Say who will take next step 1",
                                            "Enter when next step 1 is due");
        assertThat(browser.find(By.id("strengths")).getAttribute("value")).isEqualTo("Presentation is consistent");
        assertThat(browser.find(By.id("occurredOn-day")).getAttribute("value")).isEqualTo("31");
        assertThat(browser.find(By.id("workScrutiny-sampleSize")).getAttribute("value")).isEqualTo("twelve");
        assertThat(browser.find(By.id("step1-text")).getAttribute("value")).isEqualTo("Model extended writing");
        browser.accessible("record form with errors");
        browser.screenshot("record-form-errors");
    }

    @Test
    void everyKindsFormOpensWithOnlyItsOwnFieldsAndPassesAxe() throws Exception {
        signIn(browser, "slt");
        for (MonitoringType type : MonitoringType.values()) { // a senior leader records every kind
            String kind = type.name().toLowerCase(java.util.Locale.UK).replace('_', '-');
            browser.open("/schools/108520/monitoring/new/" + kind);
            assertThat(browser.heading()).as(kind).startsWith("Record a ");
            assertThat(browser.find(By.cssSelector("main form[method=post] button")).getText()).as(kind).isEqualTo("Save");
            if (type.ownFields() != null) {
                assertThat(browser.driver.findElements(By.cssSelector("[name^='" + type.ownFields() + "-']")))
                        .as(kind + "'s own fields").isNotEmpty();
            }
            browser.accessible(kind + " form");
        }
    }

    @Test
    void aGovernorCannotOpenALessonVisitForm() throws Exception {
        browser.open("/sign-in");
        browser.go(By.id("sign-in-governor"));
        browser.open("/schools/108520/monitoring/new");
        assertThat(browser.text()).contains("Governor visit").doesNotContain("Lesson visit");
        browser.open("/schools/108520/monitoring/new/lesson-visit");
        assertThat(browser.heading()).isEqualTo("You cannot use this page");
    }
}
