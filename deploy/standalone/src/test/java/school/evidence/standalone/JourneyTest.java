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
                              "evidence.demo.schools=108520"})
abstract class JourneyTest {

    @LocalServerPort
    int port;
    Browser browser;

    @BeforeEach
    void start() {
        // the demo school is loaded in the background: wait for its plan before looking at it
        new Api(base(), "governor")
                .await("/api/plans/108520-2023-24", r -> r.status() == 200 && r.body().path("version").asInt() >= 32);
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
