package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's day: the operations page lists each school's ledger and the read models; a projection with a bug
 * parks an event, the operator sees it parked (ids and the error, not the finding), retries it once the bug is fixed
 * and sees nothing parked and nothing behind; they sign a checkpoint and verify the school's ledger.
 */
@SpringBootTest(classes = {StandaloneApplication.class, DeadLetterTest.Fragile.class},
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.load-school=true",
                              "evidence.demo.schools=108520", "evidence.demo.today=" + JourneyTest.DEMO_DAY})
class OperationsJourneyTest extends JourneyTest {

    @Autowired
    DeadLetterTest.FragileProjection fragile;
    @Autowired
    school.evidence.platform.axon.ClusterLeases node;

    /** A projection's figure: 1 for events behind, 2 for parked. */
    private String cell(String projection, int column) {
        return browser.find(By.xpath("//th[text()='" + projection + "']/../td[" + column + "]")).getText();
    }

    @Test
    void anOperatorRetriesAParkedEventSignsAndVerifiesTheLedger() throws Exception {
        Api slt = new Api(base(), "slt");
        assertThat(slt.postJson("/api/schools/108520/monitoring", Map.of(
                "type", "LEARNING_WALK", "occurredOn", "2026-11-20", "lead", "DHT",
                "strengths", List.of(DeadLetterTest.POISON))).status()).isEqualTo(201);

        signIn(browser, "operator");
        assertThat(browser.heading()).isEqualTo("Operations");
        for (int i = 0; i < 50 && !cell("fragile", 2).equals("1"); i++) {
            Thread.sleep(200);
            browser.open("/operations");
        }
        assertThat(cell("fragile", 2)).as("parked").isEqualTo("1");
        assertThat(browser.text()).contains("Parked by fragile", "MonitoringActivityRecorded",
                                            "Unexpected finding in activity", "Usworth Colliery Primary School (108520)")
                                  .doesNotContain(DeadLetterTest.POISON);
        // the node doing each read model's work, as the token store names it (with several nodes, which one)
        assertThat(browser.text()).contains("plan-view\nheld by " + node.node());
        browser.accessible("operations with a parked event");
        browser.fitsNarrowScreen("operations");
        browser.screenshot("operations");

        fragile.fixed.set(true); // the bug is fixed (a deploy, in real life)
        browser.go(By.xpath("//button[contains(., 'Retry parked')]"));
        assertThat(browser.text()).contains("Retried 1 parked for fragile; 0 still parked")
                                  .doesNotContain("Parked by fragile");
        assertThat(cell("fragile", 2)).as("parked").isEqualTo("0");
        for (int i = 0; i < 50 && !cell("fragile", 1).equals("0"); i++) { // the lag the meters report returns to zero
            Thread.sleep(200);
            browser.open("/operations");
        }
        assertThat(cell("fragile", 1)).as("events behind").isEqualTo("0");

        browser.go(By.xpath("//th[contains(., '108520')]/..//button[contains(., 'Sign now')]"));
        assertThat(browser.text()).contains("Signed: Usworth Colliery Primary School's log of");
        browser.go(By.xpath("//th[contains(., '108520')]/..//a[contains(., 'Verify')]"));
        assertThat(browser.text()).contains("Usworth Colliery Primary School: the ledger verifies");
        browser.accessible("operations after verifying");

        browser.go(By.xpath("//button[contains(., 'Back up now')]"));
        assertThat(browser.text()).containsPattern("Backed up: [0-9]+ events \\((full|incremental) archive");
        assertThat(browser.find(By.xpath("//table[caption[contains(., 'Backups kept')]]//tbody/tr[1]/td[1]")).getText())
                .isIn("full", "incremental");
        browser.accessible("operations after a backup");
        browser.screenshot("operations-backups");
    }

    @Test
    void theOperationsPageIsForOperatorsOnly() {
        signIn(browser, "slt");
        browser.open("/operations");
        assertThat(browser.heading()).isEqualTo("You cannot use this page");
    }
}
