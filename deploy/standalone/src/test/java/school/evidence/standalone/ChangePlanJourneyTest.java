package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A senior leader changes the plan from its pages: revises an action (the form starts from what it says; a missing
 * reason is asked for without losing the change), withdraws a success criterion and then the action, each with a
 * reason, and every change stays readable. And a judgement made with the keyboard alone. These change the demo
 * plan, so they run on a service of their own.
 */
@TestPropertySource(properties = "evidence.journeys=change-plan") // a context (and ledger) of its own
class ChangePlanJourneyTest extends JourneyTest {

    private static final String PLAN = "/plans/" + PLAN_ID;

    @Test
    void aSeniorLeaderRevisesAnActionThenWithdrawsACriterionAndTheAction() throws Exception {
        signIn(browser, "slt");
        browser.open(PLAN);
        List<WebElement> cards = browser.driver.findElements(By.cssSelector(".govuk-summary-card__title a"));
        browser.driver.get(cards.get(cards.size() - 1).getAttribute("href")); // the plan's last action
        String action = browser.path();
        String title = browser.heading();

        browser.go(By.linkText("Change or withdraw this action"));
        assertThat(browser.heading()).startsWith("Change action ");
        assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo(title.substring(title.indexOf(' ') + 1));
        assertThat(browser.find(By.id("priorities")).isSelected() || !browser.driver.findElements(
                By.cssSelector("input[name=priorities]:checked")).isEmpty()).isTrue();
        browser.accessible("change an action");
        browser.fitsNarrowScreen("change an action");
        browser.type("leads", "DHT\nMaths leader");
        browser.type("cost", "twelve pounds");
        browser.go(By.xpath("//button[text()='Save the change']"));

        assertThat(browser.text()).contains("There is a problem", "Enter the cost in pounds",
                                            "Say why it changes");
        assertThat(browser.find(By.id("leads")).getAttribute("value")).isEqualTo("DHT\nMaths leader");
        assertThat(browser.driver.getTitle()).startsWith("Error: ");
        browser.accessible("change an action with errors");
        browser.screenshot("action-change-errors");
        browser.type("cost", "£1,250.50");
        browser.type("reason", "The maths leader now leads the challenge work");
        browser.go(By.xpath("//button[text()='Save the change']"));

        assertThat(browser.path()).isEqualTo(action);
        assertThat(browser.text()).contains("Your change to the action is saved", "DHT, Maths leader", "Changes",
                                            "by Demo Senior Leader: The maths leader now leads the challenge work");
        browser.accessible("action after a change");

        browser.go(By.partialLinkText("Change or withdraw"));
        assertThat(browser.heading()).isEqualTo("Change a success criterion");
        String criterion = browser.find(By.id("text")).getAttribute("value");
        browser.go(By.xpath("//button[text()='Withdraw the success criterion']"));
        assertThat(browser.text()).contains("There is a problem", "Say why it is withdrawn");
        browser.accessible("withdraw a criterion with errors");
        browser.type("withdraw-reason", "Met in the autumn term");
        browser.go(By.xpath("//button[text()='Withdraw the success criterion']"));
        assertThat(browser.text()).contains("The success criterion is withdrawn", criterion,
                                            "(Met in the autumn term)");

        browser.go(By.linkText("Change or withdraw this action"));
        browser.type("withdraw-reason", "Merged into the maths action");
        browser.go(By.xpath("//button[text()='Withdraw the action']"));
        assertThat(browser.path()).isEqualTo(action);
        assertThat(browser.text()).contains("The action is withdrawn", "Withdrawn",
                                            "by Demo Senior Leader: Merged into the maths action")
                                  .doesNotContain("Judge this action's RAG", "Change or withdraw this action");
        browser.accessible("withdrawn action");

        browser.open("/schools/108520");
        assertThat(browser.text()).as("the home page's roll-up leaves the withdrawn action out")
                                  .contains("5 in the plan");
    }

    @Test
    void aSeniorLeaderJudgesWithTheKeyboardAlone() {
        browser.open("/sign-in");
        browser.tabTo(By.id("sign-in-slt"));
        browser.pressToGo(Keys.ENTER);
        browser.tabTo(By.linkText("See the whole plan"));
        browser.pressToGo(Keys.ENTER);
        browser.tabTo(By.cssSelector(".govuk-summary-card__title a"));
        browser.pressToGo(Keys.ENTER);

        browser.tabTo(By.id("halfTerm"));
        browser.press("Summer 2");
        browser.tabTo(By.id("status"));
        browser.press(Keys.ARROW_DOWN); // radios move with the arrow keys: the first is Green, then Amber
        browser.tabTo(By.id("rationale"));
        browser.press("Staff training is under way; impact not yet seen in books");
        browser.tabTo(By.xpath("//button[text()='Save judgement']"));
        browser.pressToGo(Keys.ENTER);

        assertThat(browser.text()).contains("Judgement saved: Amber for Summer 2",
                                            "Staff training is under way; impact not yet seen in books");
    }

    @Test
    void aGovernorReadsThePlanButIsRefusedItsChangeForms() {
        signIn(browser, "governor");
        browser.open(PLAN);
        String action = browser.find(By.cssSelector(".govuk-summary-card__title a")).getAttribute("href");
        browser.driver.get(action);
        assertThat(browser.driver.findElements(By.linkText("Change or withdraw this action"))).isEmpty();
        browser.driver.get(action + "/change");
        assertThat(browser.heading()).isEqualTo("You cannot use this page");
    }
}
