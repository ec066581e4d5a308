package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and the school's home page, in headless Chromium: a senior leader signs in with the keyboard alone and
 * sees this half-term at a glance in words; a governor of one school is refused another school's page with a page
 * that says why; nobody reaches a page without signing in.
 */
class SignInJourneyTest extends JourneyTest {

    @Test
    void aSeniorLeaderSignsInWithTheKeyboardAloneAndSeesTheirSchoolAtAGlance() throws Exception {
        browser.open("/");
        assertThat(browser.path()).isEqualTo("/sign-in");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.accessible("sign-in");
        browser.fitsNarrowScreen("sign-in");
        browser.screenshot("sign-in");

        // keyboard only: the skip link first, then the demo users' buttons in order
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Sign in as senior leader");
        keys.sendKeys(Keys.ENTER).perform();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/schools/"));

        assertThat(browser.path()).isEqualTo("/schools/108520");
        assertThat(browser.heading()).isEqualTo("Usworth Colliery Primary School");
        String home = browser.text();
        assertThat(home).contains("School Improvement Plan 2026-2027", "6 in the plan: 2 green, 2 amber, 1 red, 1 not judged",
                                  "Teaching, learning and assessment", "Next steps overdue");
        assertThat(home).doesNotContain("AUTUMN_", "NOT_JUDGED", PLAN_ID);
        assertThat(browser.find(By.cssSelector(".govuk-service-navigation")).getText())
                .contains("Signed in as Demo Senior Leader");
        browser.accessible("home");
        browser.fitsNarrowScreen("home");
        browser.screenshot("home");
    }

    @Test
    void aGovernorIsRefusedAnotherSchoolsPageWithAPageThatSaysWhy() throws Exception {
        browser.open("/sign-in");
        browser.go(By.id("sign-in-governor"));
        assertThat(browser.path()).isEqualTo("/schools/108520");

        browser.open("/schools/100000");
        assertThat(browser.heading()).isEqualTo("You cannot use this page");
        assertThat(browser.text()).contains("Your role, or the schools and trusts you belong to, do not allow it");
        browser.accessible("refused");
        browser.screenshot("refused");
    }

    @Test
    void signingOutEndsTheSessionAndPagesAskToSignInAgain() throws Exception {
        browser.open("/sign-in");
        browser.go(By.id("sign-in-subject-leader"));
        browser.go(By.cssSelector(".evidence-account__button"));
        assertThat(browser.path()).isEqualTo("/sign-in?signedOut");
        assertThat(browser.text()).contains("You have signed out.");
        browser.accessible("signed out");

        browser.open("/schools/108520");
        assertThat(browser.path()).isEqualTo("/sign-in");
    }
}
