package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A senior leader judges an action's RAG in the browser: from the plan to the action, citing monitoring by ticking it;
 * the plan shows the judgement at once, and as it stood before it; a form with mistakes comes back with each one
 * against its field and nothing typed lost; when another leader judged first, both judgements meet on screen, never a
 * bare 409; a governor reads the action but cannot judge it.
 */
class JudgeRagJourneyTest extends JourneyTest {

    private static final String PLAN = "/plans/" + PLAN_ID;

    // the journeys share one service (and its ledger): each judges a half-term of its own

    /** Opens the plan and follows the first action that has monitoring to cite; returns its address. */
    private String openAnActionWithEvidence() throws Exception {
        browser.open(PLAN);
        browser.accessible("plan");
        browser.fitsNarrowScreen("plan");
        browser.screenshot("plan");
        List<String> actions = browser.driver.findElements(By.cssSelector(".govuk-summary-card__title a")).stream()
                                             .map(a -> a.getAttribute("href")).toList();
        for (String action : actions) {
            browser.driver.get(action);
            if (!browser.driver.findElements(By.name("evidence")).isEmpty()) {
                return browser.path();
            }
        }
        throw new AssertionError("No action of the demo plan has monitoring to cite");
    }

    private void judge(String halfTerm, String status, String rationale, boolean tickFirstEvidence) {
        new Select(browser.find(By.id("halfTerm"))).selectByVisibleText(halfTerm);
        if (status != null) {
            browser.find(By.cssSelector("input[name=status][value=" + status + "]")).click();
        }
        WebElement why = browser.find(By.id("rationale"));
        why.clear();
        why.sendKeys(rationale);
        if (tickFirstEvidence) {
            browser.find(By.id("evidence")).click();
        }
        browser.go(By.xpath("//button[text()='Save judgement']"));
    }

    @Test
    void aSeniorLeaderJudgesAmberCitingMonitoringAndSeesThePlanNowAndBefore() throws Exception {
        signIn(browser, "slt");
        String action = openAnActionWithEvidence();
        browser.accessible("action");
        browser.fitsNarrowScreen("action");
        String evidenceLabel = browser.find(By.cssSelector("label[for=evidence]")).getText();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Thread.sleep(1_100);

        judge("Summer 1", "AMBER", "Book looks show the new approach in most classes, not yet in Year 4", true);

        assertThat(browser.path()).isEqualTo(action);
        assertThat(browser.text()).contains("Judgement saved: Amber for Summer 1");
        assertThat(browser.find(By.cssSelector(".govuk-summary-list__value .evidence-rag")).getText())
                .isEqualTo("Amber");
        assertThat(browser.text()).contains("RAG judged Amber for Summer 1",
                                            "Book looks show the new approach in most classes, not yet in Year 4");
        browser.accessible("action after judging");
        browser.screenshot("action");

        // the plan as it stood before the judgement: the control takes a date and time (set here to the second)
        browser.open(PLAN);
        String now = browser.text();
        assertThat(now).as(now).contains("Summer 1, by Demo Senior Leader");
        browser.find(By.cssSelector(".govuk-details__summary")).click();
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("asOf")), LocalDateTime.ofInstant(before, ZoneId.of("Europe/London")).toString());
        browser.go(By.xpath("//button[text()='Show as it stood']"));
        assertThat(browser.text()).contains("You are looking at the plan as it stood on")
                                  .doesNotContain("Summer 1, by Demo Senior Leader");
        browser.accessible("plan as it stood");
        assertThat(evidenceLabel).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}"); // no ids on screen
    }

    @Test
    void aFormWithMistakesComesBackWithEachAgainstItsFieldAndNothingLost() throws Exception {
        signIn(browser, "slt");
        openAnActionWithEvidence();
        judge("Spring 2", null, "Half the staff are trained", true);

        assertThat(browser.text()).contains("There is a problem", "Choose green, amber or red");
        assertThat(browser.find(By.id("status-error")).getText()).contains("Choose green, amber or red");
        assertThat(browser.find(By.id("rationale")).getAttribute("value")).isEqualTo("Half the staff are trained");
        assertThat(new Select(browser.find(By.id("halfTerm"))).getFirstSelectedOption().getText())
                .isEqualTo("Spring 2");
        assertThat(browser.find(By.id("evidence")).isSelected()).isTrue();
        assertThat(browser.driver.getTitle()).startsWith("Error: ");
        browser.accessible("action with errors");
        browser.screenshot("action-errors");
    }

    @Test
    void whenAnotherLeaderJudgedFirstBothMeetOnScreenAndTheSecondIsAskedAgain() throws Exception {
        signIn(browser, "slt");
        String action = openAnActionWithEvidence();
        try (Browser other = new Browser("http://localhost:" + port)) {
            signIn(other, "slt");
            other.open(action);
            new Select(other.find(By.id("halfTerm"))).selectByVisibleText("Spring 1");
            other.find(By.cssSelector("input[name=status][value=RED]")).click();
            other.find(By.id("rationale")).sendKeys("No impact seen in the spring book look");
            other.go(By.xpath("//button[text()='Save judgement']"));
            assertThat(other.text()).contains("Judgement saved: Red for Spring 1");
        }

        judge("Spring 1", "GREEN", "Strong evidence across the school", false);
        assertThat(browser.text()).contains("Someone else changed this plan after you opened the page",
                                            "No impact seen in the spring book look");
        assertThat(browser.find(By.id("rationale")).getAttribute("value"))
                .isEqualTo("Strong evidence across the school");
        browser.accessible("action after a conflict");

        browser.go(By.xpath("//button[text()='Save judgement']"));
        assertThat(browser.text()).contains("Judgement saved: Green for Spring 1");
    }

    @Test
    void aGovernorReadsTheActionButCannotJudgeIt() throws Exception {
        signIn(browser, "slt");
        String action = openAnActionWithEvidence();
        browser.go(By.cssSelector(".evidence-account__button"));
        signIn(browser, "governor");
        browser.open(action);
        assertThat(browser.driver.findElements(By.id("judge"))).isEmpty();
        assertThat(browser.text()).contains("What has happened, newest first");

        // a judgement posted anyway (a form kept from another session) is refused with a page that says why
        ((JavascriptExecutor) browser.driver).executeScript("""
                const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0] + '/rag';
                for (const [k, v] of [['_csrf', arguments[1]], ['halfTerm', 'SPRING_1'], ['status', 'GREEN'],
                                      ['rationale', 'Looks fine to me']]) {
                  const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.append(i);
                }
                document.body.append(f); f.submit();""", action,
                browser.find(By.cssSelector("form[action='/sign-out'] input[name=_csrf]")).getAttribute("value"));
        assertThat(browser.heading()).isEqualTo("You cannot use this page");
    }
}
