package school.evidence.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.command.CommandSideApplication;
import school.evidence.query.QuerySideApplication;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in distributed mode: the command side and the query side as two applications on one MongoDB, behind one
 * address that sends GET to the query side and POST to the command side. Signing in (a POST) and the pages after it
 * (GETs) share the session through the database; a judgement posted to the command side is on the query side's page
 * it leads to; a refused form comes back from the other application with what was typed.
 */
class DistributedPagesJourneyTest {

    private MongoServer mongo;
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;
    private TestIngress ingress;
    private Browser browser;

    @AfterEach
    void stop() {
        for (AutoCloseable each : new AutoCloseable[] {browser, ingress, querySide, commandSide}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void aSeniorLeaderJudgesRagWithPagesFromTheQuerySideAndFormsPostedToTheCommandSide() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/evidence";
        // as each side's own application.yml says (on this test's class path the standalone's is found first)
        String shared = "--evidence.pages.shared-sessions=true";
        String school = "--evidence.demo.schools=108520"; // the demo users belong to this school only
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri, shared, school);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri, shared, school);
        String writes = "http://localhost:" + port(commandSide);
        String reads = "http://localhost:" + port(querySide);
        Scenario s = Scenario.upToTheLessonVisit(new Api(writes, "slt"), "108520");
        new Api(reads, "slt").await("/api/plans/" + s.planId + "/actions/" + s.actionId + "/timeline",
                                    r -> r.status() == 200 && r.body().path("entries").size() > 0);
        ingress = new TestIngress(reads, writes);
        browser = new Browser(ingress.address());

        JourneyTest.signIn(browser, "slt");
        assertThat(browser.path()).isEqualTo("/schools/108520");
        assertThat(browser.heading()).isEqualTo("Usworth Colliery Primary School");

        String action = "/plans/" + s.planId + "/actions/" + s.actionId;
        browser.open(action);
        new Select(browser.find(By.id("halfTerm"))).selectByVisibleText("Autumn 2");
        browser.find(By.id("rationale")).sendKeys("Visits show the new approach in every class");
        browser.go(By.xpath("//button[text()='Save judgement']"));
        assertThat(browser.text()).contains("There is a problem", "Choose green, amber or red");
        assertThat(browser.find(By.id("rationale")).getAttribute("value"))
                .isEqualTo("Visits show the new approach in every class");

        browser.find(By.cssSelector("input[name=status][value=GREEN]")).click();
        browser.find(By.id("evidence")).click();
        browser.go(By.xpath("//button[text()='Save judgement']"));
        assertThat(browser.path()).isEqualTo(action);
        assertThat(browser.text()).contains("Judgement saved: Green for Autumn 2",
                                            "Visits show the new approach in every class");
        browser.accessible("action, distributed");

        // an operator's forms are the query side's own writes: the ingress sends them there
        browser.go(By.cssSelector(".evidence-account__button"));
        JourneyTest.signIn(browser, "operator");
        assertThat(browser.heading()).isEqualTo("Operations");
        browser.go(By.xpath("//th[contains(., '108520')]/..//button[contains(., 'Sign now')]"));
        assertThat(browser.text()).contains("Signed: Usworth Colliery Primary School's log of");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
