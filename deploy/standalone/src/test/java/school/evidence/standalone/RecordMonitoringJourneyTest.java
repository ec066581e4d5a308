package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject leader records a book scrutiny in the browser, with two next steps, against two actions; it shows on the
 * action's timeline and among the school's open next steps. A form with mistakes comes back filled in with each
 * mistake named; a governor cannot open a lesson-visit form.
 */
class RecordMonitoringJourneyTest extends JourneyTest {

    private void type(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void date(String name, String day, String month, String year) {
        type(name + "-day", day);
        type(name + "-month", month);
        type(name + "-year", year);
    }

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

        date("occurredOn", "26", "11", "2026");
        type("lead", "English lead");
        type("subject", "English");
        browser.find(By.cssSelector("input[name=yearGroups][value=Y4]")).click();
        type("workScrutiny-sampleSize", "12");
        type("strengths", "Handwriting joined in most books\nSpelling rules practised weekly");
        type("areasForDevelopment", "Extended writing is rare");
        List<WebElement> actions = browser.driver.findElements(By.name("actionIds"));
        String firstAction = browser.find(By.cssSelector("label[for=actionIds]")).getText();
        actions.get(0).click();
        actions.get(2).click();
        type("step1-text", "Weekly extended write in Y4");
        type("step1-owner", "Y4 team");
        date("step1-due", "19", "1", "2027");
        type("step2-text", "Share the spelling approach with Y3");
        type("step2-owner", "English lead");
        date("step2-due", "9", "2", "2027");
        browser.screenshot("record-form");
        browser.go(By.xpath("//button[text()='Save']"));

        assertThat(browser.text()).contains("Book scrutiny recorded", ", by subject-leader",
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
        date("occurredOn", "31", "2", "2023");
        type("workScrutiny-sampleSize", "twelve");
        type("strengths", "Presentation is consistent");
        type("step1-text", "Model extended writing");
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
    void aGovernorCannotOpenALessonVisitForm() throws Exception {
        browser.open("/sign-in");
        browser.go(By.id("sign-in-governor"));
        browser.open("/schools/108520/monitoring/new");
        assertThat(browser.text()).contains("Governor visit").doesNotContain("Lesson visit");
        browser.open("/schools/108520/monitoring/new/lesson-visit");
        assertThat(browser.heading()).isEqualTo("You cannot use this page");
    }
}
