package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A governor's challenge from question to what changed: the governor records a meeting and raises a challenge there
 * about an action and sees it awaiting an answer; a senior leader answers; the governor follows it up and closes it,
 * told in words why "the report was noted" is not a closure; the log shows the whole exchange, and as it stood
 * before the answer. And the governor's part done with the keyboard alone.
 */
class GovernanceJourneyTest extends JourneyTest {

    private static final String QUESTION = "Pupils' reading is amber: which year groups are behind, and why?";

    private void signOut() {
        browser.go(By.cssSelector(".evidence-account__button"));
    }

    @Test
    void aGovernorsChallengeIsRaisedAnsweredFollowedUpAndClosedAndTheLogShowsItAll() throws Exception {
        signIn(browser, "governor");
        assertThat(browser.text()).contains("Actions you are the link governor for", "3 Reading is at the core",
                                            "Challenges you raised", "Awaiting an answer", "Follow-up due", "Closed",
                                            "Meetings", "Governor visits")
                                  .doesNotContain("OPEN", "ANSWERED", "FULL_BOARD");
        browser.accessible("governor home");
        browser.fitsNarrowScreen("governor home");
        browser.screenshot("governor-home");

        browser.go(By.linkText("Record a meeting"));
        browser.find(By.id("kind")).click();
        browser.go(By.xpath("//button[text()='Record the meeting']"));
        assertThat(browser.text()).contains("There is a problem", "Enter the day it was held", "Enter its title");
        assertThat(browser.find(By.id("kind")).isSelected()).as("the choice is kept").isTrue();
        browser.accessible("meeting form with errors");
        browser.date("heldOn", "2", "12", "2026");
        browser.type("title", "Extraordinary full governing board");
        browser.go(By.xpath("//button[text()='Record the meeting']"));

        assertThat(browser.heading()).isEqualTo("Raise a challenge");
        assertThat(browser.find(By.cssSelector("input[name=where]:checked")).getAttribute("id"))
                .as("the meeting just recorded is chosen").isNotNull();
        new Select(browser.find(By.id("about"))).selectByVisibleText("3 Reading is at the core of all learning.");
        browser.go(By.xpath("//button[text()='Raise the challenge']"));
        assertThat(browser.text()).contains("There is a problem", "Enter the question as it was asked");
        assertThat(new Select(browser.find(By.id("about"))).getFirstSelectedOption().getText())
                .startsWith("3 Reading");
        browser.accessible("raise a challenge with errors");
        browser.type("question", QUESTION);
        browser.go(By.xpath("//button[text()='Raise the challenge']"));

        assertThat(browser.heading()).isEqualTo(QUESTION);
        assertThat(browser.text()).contains("Challenge raised", "Awaiting an answer", "Extraordinary full governing "
                + "board", "Action 3 Reading is at the core of all learning.", "Not answered yet.");
        browser.accessible("a challenge awaiting an answer");
        String challenge = browser.path();
        Thread.sleep(1_100);
        String beforeTheAnswer = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.SECONDS)
                                              .toString();
        Thread.sleep(1_100);

        signOut();
        signIn(browser, "slt");
        browser.open(challenge);
        browser.go(By.xpath("//button[text()='Save the answer']"));
        assertThat(browser.text()).contains("There is a problem", "Enter the answer");
        browser.type("answer", "Y1 and Y2: phonics catch-up groups start in January, led by the English leader.");
        browser.go(By.xpath("//button[text()='Save the answer']"));
        assertThat(browser.text()).contains("Answer saved", "Answered", "by Demo Senior Leader");
        browser.accessible("a challenge answered");

        signOut();
        signIn(browser, "governor");
        browser.open(challenge);
        browser.type("followUp", "Bring the catch-up groups' first results to the committee");
        browser.date("dueOn", "15", "1", "2027");
        browser.go(By.xpath("//button[text()='Save the follow-up']"));
        assertThat(browser.text()).contains("Follow-up saved", "Follow-up due", "by 15 January 2027");
        browser.type("whatChanged", "The report was noted");
        browser.go(By.xpath("//button[text()='Close the challenge']"));
        assertThat(browser.text()).contains("There is a problem", "does not record challenge");
        assertThat(browser.find(By.id("whatChanged")).getAttribute("value")).isEqualTo("The report was noted");
        browser.accessible("closing with errors");
        browser.type("whatChanged", "Catch-up groups for Y1 and Y2 added to the plan, reviewed at the spring committee");
        browser.go(By.xpath("//button[text()='Close the challenge']"));
        assertThat(browser.text()).contains("Challenge closed", "Closed: what changed", "Catch-up groups for Y1");

        browser.go(By.linkText("Usworth Colliery Primary School: challenge log"));
        assertThat(browser.text()).contains(QUESTION, "phonics catch-up groups start in January",
                                            "Bring the catch-up groups' first results", "Catch-up groups for Y1");
        browser.accessible("challenge log");
        browser.fitsNarrowScreen("challenge log");
        browser.screenshot("challenge-log");

        browser.open("/schools/108520/challenges?state=OPEN");
        assertThat(browser.text()).doesNotContain(QUESTION);
        browser.open("/schools/108520/challenges?asOf=" + URLEncoder.encode(beforeTheAnswer, StandardCharsets.UTF_8));
        assertThat(browser.text()).contains("You are looking at the challenge log as it stood on", QUESTION)
                                  .doesNotContain("phonics catch-up groups start in January", "Catch-up groups for Y1");
        browser.accessible("challenge log as it stood");
    }

    @Test
    void aGovernorRaisesAChallengeWithTheKeyboardAlone() {
        browser.open("/sign-in");
        browser.tabTo(By.id("sign-in-governor"));
        browser.pressToGo(Keys.ENTER);
        browser.tabTo(By.linkText("Raise a challenge"));
        browser.pressToGo(Keys.ENTER);

        browser.tabTo(By.id("where"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.id("about"));
        browser.press("4 Pupils");
        browser.tabTo(By.id("question"));
        browser.press("How is prior learning checked at the start of each history unit?");
        browser.tabTo(By.xpath("//button[text()='Raise the challenge']"));
        browser.pressToGo(Keys.ENTER);

        assertThat(browser.text()).contains("Challenge raised", "Awaiting an answer",
                                            "Action 4 Pupils activate prior learning");
    }
}
