package school.evidence.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the pages' journeys share: the standalone service with the demo school (its users members of that school
 * only), a fresh headless Chromium for each journey, and the axe totals printed at the end. The journeys of a class
 * share one service and its ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.load-school=true",
                              "evidence.demo.schools=108520", "evidence.demo.today=" + JourneyTest.DEMO_DAY})
abstract class JourneyTest {

    /** The day the demo school is pinned to, so pages read the same on every run; its plan is 2026-27's. */
    static final String DEMO_DAY = "2026-12-04";
    static final String PLAN_ID = "108520-2026-27";

    @LocalServerPort
    int port;
    Browser browser;

    @BeforeEach
    void start() {
        // the demo school is loaded in the background: wait for its plan before looking at it
        new Api(base(), "governor")
                .await("/api/plans/" + PLAN_ID, r -> r.status() == 200 && r.body().path("version").asInt() >= 34);
        browser = new Browser(base());
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @AfterAll
    static void report() {
        System.out.printf("axe: %d pages checked, %d checks run, 0 violations%n", Browser.PAGES_CHECKED.get(),
                          Browser.CHECKS_RUN.get());
    }

    String base() {
        return "http://localhost:" + port;
    }

    static void signIn(Browser browser, String who) {
        browser.open("/sign-in");
        browser.go(By.id("sign-in-" + who));
    }
}
