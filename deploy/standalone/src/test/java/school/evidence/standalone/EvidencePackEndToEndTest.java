package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import school.evidence.ledger.merkle.LedgerKeys;
import school.evidence.ledger.merkle.PackVerifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample school's year as an evidence pack in JSON, HTML and PDF; the JSON pack verifies offline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.load-school=true",
                              "evidence.demo.today=2023-12-20", // the demo as it stood then: its dates are 2023's
                              "spring.application.name=pack-e2e"})
class EvidencePackEndToEndTest {

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("governor:demo".getBytes())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return response.body();
    }

    @Test
    void theYearsPackRendersInThreeFormatsAndTheJsonVerifiesOffline() throws Exception {
        Api slt = new Api("http://localhost:" + port, "slt");
        assertThat(slt.await("/api/schools/108520/audit", r -> r.body().path("total").asInt() >= 55)
                      .body().path("total").asInt()).isEqualTo(55);
        assertThat(slt.postJson("/api/schools/108520/self-evaluations", Map.of("evaluatedOn", "2023-10-02", "ratings",
                List.of(Map.of("coreElement", 6, "standard", "G", "rating", 3, "evidenceNotes", "Pupil voice in few subjects",
                               "actionNotes", "Termly conferencing"))))).extracting(Api.Reply::status).isEqualTo(201);
        JsonNode checkpoint = null;
        for (int i = 0; i < 100 && (checkpoint == null || checkpoint.path("treeSize").asInt() < 56); i++) {
            checkpoint = slt.post("/api/schools/108520/checkpoints", "").body();
            Api.sleep(50);
        }
        assertThat(checkpoint.path("treeSize").asInt()).isEqualTo(56);
        String range = "?from=2023-09-01&to=2024-08-31";

        byte[] json = download("/api/schools/108520/evidence-pack" + range + "&format=JSON");
        JsonNode pack = new ObjectMapper().readTree(json);
        assertThat(pack.path("plans").path(0).path("actions").size()).isEqualTo(6);
        assertThat(pack.path("monitoring").path("activities").asInt()).isEqualTo(7);
        assertThat(pack.path("monitoring").path("byType").path("LESSON_VISIT").asInt()).isEqualTo(1);
        assertThat(pack.path("monitoring").path("byOfstedArea").has("QUALITY_OF_EDUCATION")).as("the 2019 framework, in force in 2023-24").isTrue();
        assertThat(pack.path("monitoring").path("byPupilGroup").path("DISADVANTAGED").asInt()).isEqualTo(6);
        assertThat(pack.path("nextSteps").size()).isEqualTo(6);
        assertThat(pack.path("selfEvaluations").size()).isEqualTo(1);
        assertThat(pack.path("ledger").path("events").size()).isGreaterThanOrEqualTo(40);

        var publicKey = LedgerKeys.publicKey(checkpoint.path("publicKey").asText());
        PackVerifier.Result verified = PackVerifier.verify(pack, publicKey);
        assertThat(verified.ok()).as(verified.message()).isTrue();
        Path file = dir.resolve("pack.json");
        Files.write(file, json);
        assertThat(runCli(file, checkpoint.path("publicKey").asText())).isZero();

        // a pack edited after it was issued fails, naming the event
        ObjectNode edited = (ObjectNode) pack.deepCopy();
        ObjectNode stored = (ObjectNode) edited.path("ledger").path("events").path(3).path("stored");
        stored.put("payload", stored.path("payload").asText().replace("e", "E"));
        PackVerifier.Result tampered = PackVerifier.verify(edited, publicKey);
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.message()).contains(edited.path("ledger").path("events").path(3).path("eventKey").asText());

        String html = new String(download("/api/schools/108520/evidence-pack" + range + "&format=HTML"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Usworth Colliery Primary School (URN 108520)",
                                                                 "School Improvement Plan 2023-2024");
        // the PDF is the same layout: read as an inspector would, in words, every part in its place
        byte[] pdf = download("/api/schools/108520/evidence-pack" + range + "&format=PDF");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            // its first two pages as pictures, for the docs
            var pages = new org.apache.pdfbox.rendering.PDFRenderer(document);
            Files.createDirectories(Browser.SCREENSHOTS);
            for (int page = 0; page < 2; page++) {
                javax.imageio.ImageIO.write(pages.renderImageWithDPI(page, 60),
                                            "png", Browser.SCREENSHOTS.resolve("pack-page-" + (page + 1) + ".png").toFile());
            }
        }
        assertThat(text).contains("Contents", "Teaching, learning and assessment", "Achievement and progress",
                                  "Green for Autumn 2, by Head teacher",
                                  "Education inspection framework (2019)", // in force for a 2023-24 plan
                                  "Book scrutiny", "Disadvantaged (pupil premium)", "Key findings",
                                  "Next steps and their follow-up", "Governors' challenge",
                                  "Answer (Head teacher): The reading environment in EYFS and KS1",
                                  "Closed. What changed: A displays audit", "Element 6, standard G",
                                  "How to check this pack", "Appendix");
        assertThat(text).as("no code of ours shows raw").doesNotContainPattern("\\b[A-Z]+_[A-Z0-9_]+\\b")
                        .doesNotContain("demo-loader", "{");
        assertThat(html).doesNotContainPattern(">[^<]*\\b(BOOK_SCRUTINY|AUTUMN_[12]|RENEWED_2025|EIF_2019)\\b");
    }

    private int runCli(Path pack, String publicKey) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PackVerifier.class.getName(),
                                             "--pack", pack.toString(), "--public-key", publicKey)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("pack verified");
        return process.exitValue();
    }
}
