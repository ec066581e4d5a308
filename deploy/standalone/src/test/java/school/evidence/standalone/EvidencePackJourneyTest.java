package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A senior leader makes the evidence pack for this school year from its page: the period and the framework in force
 * are filled in, the pack is signed as it is made and says it verifies, and it opens as a document and downloads
 * as PDF and JSON. A period the wrong way round is said in words.
 */
class EvidencePackJourneyTest extends JourneyTest {

    @Test
    void aSeniorLeaderMakesThePackChecksItVerifiesAndOpensItAsHtmlAndPdf() throws Exception {
        signIn(browser, "slt");
        browser.go(By.linkText("Evidence pack"));
        assertThat(browser.heading()).isEqualTo("Evidence pack");
        assertThat(browser.find(By.id("from")).getAttribute("value")).isEqualTo("2026-09-01");
        assertThat(browser.find(By.id("framework-RENEWED_2025")).isSelected())
                .as("the renewed framework is in force in 2026-27").isTrue();
        browser.accessible("evidence pack page");
        browser.go(By.xpath("//button[text()='Make the pack']"));

        assertThat(browser.text()).contains("This pack verifies", "against the checkpoint signed on",
                                            "Open the pack", "Download it as a PDF", "Download it for checking");
        browser.accessible("evidence pack made");
        browser.fitsNarrowScreen("evidence pack made");
        browser.screenshot("pack");
        String pdfLink = browser.find(By.partialLinkText("Download it as a PDF")).getAttribute("href");

        browser.go(By.partialLinkText("Open the pack"));
        assertThat(browser.heading()).isEqualTo("Usworth Colliery Primary School");
        assertThat(browser.find(By.tagName("body")).getText())
                .contains("Contents", "Renewed framework (2025 report cards)", "Governors' challenge",
                          "How to check this pack")
                .doesNotContain("RENEWED_2025", "BOOK_SCRUTINY", "AUTUMN_2");
        browser.accessible("the pack as a web page");

        // the PDF comes under the same sign-in as the page
        String session = browser.driver.manage().getCookieNamed("evidence_session").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(pdfLink)).header("Cookie", "evidence_session=" + session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Usworth Colliery Primary School", "Contents", "Key findings");
        }
    }

    @Test
    void aPeriodTheWrongWayRoundIsSaidInWords() {
        signIn(browser, "governor");
        browser.open("/schools/108520/evidence-pack?from=2026-12-01&to=2026-09-01");
        assertThat(browser.text()).contains("There is a problem", "The last day must be on or after the first day")
                                  .doesNotContain("This pack verifies");
        browser.accessible("evidence pack page with errors");
    }
}
