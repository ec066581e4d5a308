package school.evidence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Section 11: erasing one person at the school with a year of evidence, named (as the teacher visited) in 10 records
 * and in 1,000. Timed from the request to the reply, which comes once every read model has dropped them (or, if the
 * reply's wait ran out first, until the read models have caught up). Each size with a new person per repetition.
 */
final class ErasureBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIRST = {"Avery", "Morgan", "Rowan", "Elspeth", "Tobias", "Imogen"};
    private static final String[] SURNAMES = {"Thornton", "Ellery", "Ashdown", "Marchetti", "Okafor", "Lindqvist"};
    private final Sizes sizes;
    private final Report report;
    private final ServiceWatch watch;
    private int people;

    ErasureBench(Sizes sizes, Report report, ServiceWatch watch) {
        this.sizes = sizes;
        this.report = report;
        this.watch = watch;
    }

    void run(Service service, HttpClient http, School school, String store) throws Exception {
        for (int records : new int[]{10, 1_000}) {
            Figure.Reps seconds = new Figure.Reps();
            for (int rep = 0; rep < sizes.repetitions(); rep++) {
                String person = FIRST[people % FIRST.length] + " " + SURNAMES[people / FIRST.length % SURNAMES.length];
                people++;
                for (int i = 0; i < records; i++) {
                    send(http, service.post("/api/schools/" + school.urn() + "/monitoring",
                                            BenchSchools.visit(school, i).replace("Teacher " + (i % 7), person)), 201);
                }
                watch.waitForProjections(service, http);
                HttpRequest erase = service.request("/api/schools/" + school.urn() + "/erasures")
                        .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"person\":\"" + person
                                + "\",\"reason\":\"Left the school and asked for erasure\"}")).build();
                long start = System.nanoTime();
                JsonNode reply = send(http, erase, 201);
                if (!reply.path("readModelsShowIt").asBoolean()) { // its wait ran out: until they have caught up
                    System.out.println("  erasure replied before the read models showed it; waiting for them");
                    watch.waitForProjections(service, http);
                }
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            report.add(Figure.of("11 erasure", "one person named in " + String.format("%,d", records)
                                         + " records, until every read model has dropped them", "s", seconds.values,
                                 5.0, false, "at the school with " + String.format("%,d", sizes.oneSchoolsEvents())
                                         + " records, in a store of " + store + "; the heavy read models are made "
                                         + "again for the records it touched, the quick ones from the school's history"));
        }
    }

    private static JsonNode send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }
}
