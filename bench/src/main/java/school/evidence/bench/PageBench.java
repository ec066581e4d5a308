package school.evidence.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section 8: the pages of the demo school as a senior leader reads them, rendered on the server (Thymeleaf) and timed
 * from this client over loopback, so each figure is an upper bound of the render time. The service starts with the
 * demo school loaded; the bench signs in with the sign-in form (session cookie and CSRF token, as a browser does) as a
 * senior leader, a governor, a trust officer and an operator in turn, finds each page's address by following links,
 * then reads each page {@code PER_REP} times per repetition.
 */
final class PageBench {

    private static final int PER_REP = 200;
    private static final String URN = "108520";
    private final Sizes sizes;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    PageBench(Sizes sizes, Report report) {
        this.sizes = sizes;
        this.report = report;
    }

    void run(Path jar) throws Exception {
        Path data = Files.createTempDirectory("page-bench");
        int port = 19080 + (int) (ProcessHandle.current().pid() % 1000);
        try (Service service = Service.start(jar, data, port, "--evidence.demo.load-school=true")) {
            signIn(service, "slt");
            for (Map.Entry<String, String> page : pages(service).entrySet()) {
                measure(service, page.getKey(), page.getValue(), "a senior leader");
            }
            signIn(service, "governor");
            String log = "/schools/" + URN + "/challenges";
            measure(service, "governor's home", "/schools/" + URN, "a governor");
            measure(service, "challenge log", log, "a governor");
            measure(service, "a challenge", first(read(service, log), "href=\"(/challenges/[0-9a-f-]{36})\""),
                    "a governor");
            signIn(service, "trust-officer");
            measure(service, "trust overview", "/trusts/wearside-learning-trust", "a trust officer");
            signIn(service, "operator");
            measure(service, "operations", "/operations", "an operator");
        }
    }

    private void measure(Service service, String name, String path, String who) throws Exception {
        for (int i = 0; i < 50; i++) { // warm-up
            read(service, path);
        }
        Figure.Reps p50 = new Figure.Reps();
        Figure.Reps p95 = new Figure.Reps();
        for (int rep = 0; rep < sizes.repetitions(); rep++) {
            long[] samples = new long[PER_REP];
            for (int i = 0; i < samples.length; i++) {
                long start = System.nanoTime();
                read(service, path);
                samples[i] = System.nanoTime() - start;
            }
            p50.add(Figure.percentile(samples, 50) / 1e6);
            p95.add(Figure.percentile(samples, 95) / 1e6);
        }
        report.add(Figure.of("8 pages", name + ": p50", "ms", p50.values, null, false, null));
        report.add(Figure.of("8 pages", name + ": p95", "ms", p95.values, 50.0, false,
                             "the demo school, signed in as " + who));
    }

    /** The demo school's pages, found as a reader finds them: by following links from its home page. */
    private Map<String, String> pages(Service service) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        String home = "/schools/" + URN;
        // the demo school is loaded in the background: wait for its plan to be linked from home
        String homeHtml = read(service, home);
        for (int i = 0; i < 300 && !homeHtml.contains("/plans/"); i++) {
            Thread.sleep(100);
            homeHtml = read(service, home);
        }
        Thread.sleep(2_000); // and for the rest of its records to reach the read models
        String plan = first(read(service, home), "href=\"(/plans/[^\"/?#]+)\"");
        String monitoring = "/schools/" + URN + "/monitoring";
        String now = LocalDateTime.now(ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.SECONDS).toString();
        pages.put("home", home);
        pages.put("plan", plan);
        pages.put("plan as it stood", plan + "?asOf=" + URLEncoder.encode(now, StandardCharsets.UTF_8));
        pages.put("an action", first(read(service, plan), "href=\"(/plans/[^\"/]+/actions/[^\"/?#]+)\""));
        pages.put("monitoring list", monitoring);
        pages.put("a monitoring record", first(read(service, monitoring), "href=\"(/monitoring/[0-9a-f-]{36})\""));
        pages.put("record form (book scrutiny)",
                  first(read(service, monitoring + "/new"), "href=\"(/schools/" + URN + "/monitoring/new/[^\"]*book[^\"]*)\""));
        pages.put("next steps", "/schools/" + URN + "/next-steps");
        pages.put("schedule and coverage", plan + "/schedule");
        return pages;
    }

    private void signIn(Service service, String user) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(service.uri("/sign-in")).GET().build(),
                                              HttpResponse.BodyHandlers.ofString());
        cookie = sessionCookie(form);
        String csrf = first(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        String body = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(service.uri("/sign-in")).header("Cookie", cookie)
                           .header("Content-Type", "application/x-www-form-urlencoded")
                           .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("failed")) {
            throw new IllegalStateException("Signing in failed: " + signedIn.statusCode());
        }
        cookie = sessionCookie(signedIn);
    }

    private String read(Service service, String path) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(service.uri(path)).header("Cookie", cookie)
                                                          .timeout(Duration.ofSeconds(30)).GET().build(),
                                               HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + reply.statusCode());
        }
        return reply.body();
    }

    private static String sessionCookie(HttpResponse<?> reply) {
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("evidence_session="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No session cookie from " + reply.uri()));
    }

    private static String first(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("Not found on the page: " + regex);
        }
        return m.group(1).replace("&amp;", "&");
    }
}
