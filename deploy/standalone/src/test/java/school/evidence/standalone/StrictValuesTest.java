package school.evidence.standalone;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values are taken as sent or refused, never bent: a fraction or a string where a whole number is expected, a
 * date-time where a date is, a number where text is, a list longer than the documented maximum; a body of a type the
 * route does not take is 415; the web server's own refusals (a {@code %2F} in a path, an oversized header) are problem
 * JSON like every other error. Nothing refused is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "spring.application.name=strict-values"})
class StrictValuesTest {

    @LocalServerPort
    int port;
    Api slt;
    String urn;
    Scenario s;

    @BeforeEach
    void aSchoolWithAPlan() {
        slt = new Api("http://localhost:" + port, "slt");
        urn = String.valueOf(200000 + (int) (Math.random() * 700000));
        s = Scenario.upToTheLessonVisit(slt, urn);
        slt.await("/api/schools/" + urn + "/audit", r -> r.body().path("total").asInt() == 7);
    }

    private void refused(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(reply.body().path("errors").findValuesAsText("field")).as(reply.raw().body()).contains(field);
        }
        Api.sleep(200);
        assertThat(slt.get("/api/schools/" + urn + "/audit").body().path("total").asInt()).isEqualTo(7);
    }

    private String scrutiny(String sampleSize) {
        return "{\"type\":\"BOOK_SCRUTINY\",\"occurredOn\":\"2023-11-20\",\"lead\":\"English lead\","
                + "\"workScrutiny\":{\"sampleSize\":" + sampleSize + "}}";
    }

    @Test
    void aFractionOrTextWhereAWholeNumberIsExpectedIsRefusedNamingTheField() {
        String path = "/api/schools/" + urn + "/monitoring";
        Api.Reply fraction = slt.post(path, scrutiny("3.7"));
        refused(fraction, 400, "workScrutiny.sampleSize");
        assertThat(fraction.body().path("errors").path(0).path("message").asText()).isEqualTo(
                "must be a whole number, written without quotes or a decimal point");
        refused(slt.post(path, scrutiny("\"12\"")), 400, "workScrutiny.sampleSize");
        refused(slt.post(path, scrutiny("12.0")), 400, "workScrutiny.sampleSize");
        String evaluation = "{\"evaluatedOn\":\"2023-10-02\",\"ratings\":[{\"coreElement\":2,\"standard\":\"A\","
                + "\"rating\":%s,\"evidenceNotes\":\"Books\",\"actionNotes\":\"Plan\"}]}";
        refused(slt.post("/api/schools/" + urn + "/self-evaluations", evaluation.formatted("\"2\"")), 400, "ratings[0].rating");
        refused(slt.post("/api/schools/" + urn + "/self-evaluations", evaluation.formatted("2.5")), 400, "ratings[0].rating");
        // a number is not text, and text is not a yes or no
        refused(slt.post(path, "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-20\",\"lead\":42}"), 400, "lead");
        refused(slt.post(path, "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-20\",\"lead\":\"HT\","
                + "\"confidential\":\"yes\"}"), 400, "confidential");
        assertThat(slt.post(path, scrutiny("12")).status()).isEqualTo(201);
    }

    @Test
    void aDateTimeWhereADateIsExpectedIsRefused() {
        String path = "/api/schools/" + urn + "/monitoring";
        for (String when : new String[]{"2023-11-20T10:00:00", "2023-11-20T10:00:00Z", "20231120", "2023-11-20T00:00"}) {
            refused(slt.post(path, "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"" + when + "\",\"lead\":\"HT\"}"),
                    400, "occurredOn");
        }
    }

    @Test
    void listsLongerThanTheDocumentedMaximumAreRefused() {
        String many = String.join(",", Collections.nCopies(201, "\"Clear modelling\""));
        refused(slt.post("/api/schools/" + urn + "/monitoring", "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-20\","
                + "\"lead\":\"HT\",\"strengths\":[" + many + "]}"), 400, "strengths");
        String enough = String.join(",", Collections.nCopies(200, "\"Clear modelling\""));
        assertThat(slt.post("/api/schools/" + urn + "/monitoring", "{\"type\":\"LEARNING_WALK\",\"occurredOn\":"
                + "\"2023-11-20\",\"lead\":\"HT\",\"strengths\":[" + enough + "]}").status()).isEqualTo(201);
    }

    @Test
    void aBodyOfATypeTheRouteDoesNotTakeIs415() throws Exception {
        String body = "{\"type\":\"LEARNING_WALK\",\"occurredOn\":\"2023-11-20\",\"lead\":\"HT\"}";
        for (String type : new String[]{"application/merge-patch+json", "application/x-www-form-urlencoded",
                                        "text/plain", "application/xml", "application/vnd.custom+json"}) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/schools/" + urn + "/monitoring"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("slt:demo".getBytes()))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(type).isEqualTo(415);
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(slt.get("/api/schools/" + urn + "/audit").body().path("total").asInt()).isEqualTo(7);
        // JSON, with or without a charset, is what the route takes
        assertThat(slt.post("/api/schools/" + urn + "/monitoring", body, "Content-Type",
                            "application/json; charset=utf-8").status()).isIn(201);
    }

    @Test
    void theWebServersOwnRefusalsAreProblemJson() throws IOException {
        String encodedSlash = raw("GET /api/schools/" + urn + "%2Fmonitoring HTTP/1.1\r\nHost: localhost\r\n"
                                          + "Authorization: Basic c2x0OmRlbW8=\r\nConnection: close\r\n\r\n");
        assertThat(encodedSlash).startsWith("HTTP/1.1 400");
        assertThat(encodedSlash).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(encodedSlash).contains("\"status\":400");

        String oversized = raw("GET /api/schools/" + urn + "/monitoring HTTP/1.1\r\nHost: localhost\r\n"
                                       + "X-Padding: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertThat(oversized).startsWith("HTTP/1.1 4");
        assertThat(oversized).containsIgnoringCase("Content-Type: application/problem+json");
    }

    /** A request sent as raw bytes, the way a scanner would, and the reply as text. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException reset) {
            return "reset: " + reset.getMessage();
        }
    }
}
