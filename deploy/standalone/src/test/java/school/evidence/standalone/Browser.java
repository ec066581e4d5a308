package school.evidence.standalone;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} (Selenium's own browser download is not
 * used), with axe-core's WCAG 2.2 AA checks on every page a journey looks at, and a screenshot of each.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Pages checked by axe, and the checks it ran on them, in this test run: printed at the end. */
    static final AtomicInteger PAGES_CHECKED = new AtomicInteger();
    static final AtomicInteger CHECKS_RUN = new AtomicInteger();

    private final String base;
    final WebDriver driver;

    Browser(String base) {
        assertThat(new File(CHROMIUM)).as("Chromium is needed for the pages' journeys: apt-get install chromium "
                                          + "chromium-driver (test.sh installs them)").exists();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--hide-scrollbars", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                              "--lang=en-GB");
        this.driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                                                                        .build(), options);
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clicks something that leads to another page, and waits until that page has replaced this one. */
    void go(By by) {
        WebElement page = find(By.tagName("html"));
        find(by).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** Types into a field, replacing what is there. */
    void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Fills a GOV.UK date input: {@code name-day}, {@code name-month}, {@code name-year}. */
    void date(String name, String day, String month, String year) {
        type(name + "-day", day);
        type(name + "-month", month);
        type(name + "-year", year);
    }

    /**
     * Moves the focus with the Tab key alone until it reaches the element (at most 200 presses) and checks that the
     * focus can be seen there (GOV.UK's yellow focus state: an outline or a box shadow).
     */
    void tabTo(By by) {
        WebElement target = find(by);
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < 200 && !target.equals(driver.switchTo().activeElement()); i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        assertThat(driver.switchTo().activeElement()).as("Tab reaches " + by).isEqualTo(target);
        Object seen = ((JavascriptExecutor) driver).executeScript(
                "const s = getComputedStyle(arguments[0]); return (s.outlineStyle !== 'none' && s.outlineWidth !== '0px')"
                + " || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';", target);
        assertThat(seen).as("the focus can be seen on " + by).isEqualTo(true);
    }

    /** Presses keys on whatever has the focus. */
    void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /** Presses a key that leads to another page, and waits until that page has replaced this one. */
    void pressToGo(CharSequence key) {
        WebElement page = find(By.tagName("html"));
        press(key);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** The page's heading, once the page has one: after a redirect chain (sign-in) the next page may still be loading. */
    String heading() {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.tagName("h1")))
                .getText();
    }

    String text() {
        return find(By.tagName("main")).getText();
    }

    /** axe-core on the page as it is now: no WCAG 2.2 A or AA violation, each named with where it is if there is one. */
    void accessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(page + ": " + violations.stream()
                .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .toList()).isEmpty();
        PAGES_CHECKED.incrementAndGet();
        CHECKS_RUN.addAndGet(results.getPasses().size() + results.getIncomplete().size()
                             + results.getInapplicable().size());
    }

    /** A PNG of the page as seen, under target/screenshots (the README shows some of them). */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** At a phone's 320 px, nothing is wider than the window (no sideways scrolling). */
    void fitsNarrowScreen(String page) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(320, 800));
        Object scrollWidth = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object tooWide = ((JavascriptExecutor) driver).executeScript(
                "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w + 1).slice(0, 5)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));");
        driver.manage().window().setSize(before);
        assertThat(((Number) scrollWidth).intValue()).as(page + " scrolls sideways at 320 px: " + tooWide)
                                                     .isLessThanOrEqualTo(0);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
