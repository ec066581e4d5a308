package school.evidence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The schools the HTTP sections write against, made through the API, and the writes they send. */
final class BenchSchools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-11-16"; // within the 2026-27 plan, not in the future
    private static final int FIRST_URN = 200_000;
    private final int first;
    private final AtomicInteger schools;

    BenchSchools() {
        this(FIRST_URN);
    }

    /** Schools numbered from {@code first}: two sets of fixtures on one store must not meet. */
    BenchSchools(int first) {
        this.first = first;
        this.schools = new AtomicInteger(first);
    }

    /** How many schools this has made. */
    int made() {
        return schools.get() - first;
    }

    School setUp(Service service, HttpClient http) throws Exception {
        String urn = String.valueOf(schools.incrementAndGet());
        send(http, service, "/api/schools", "{\"urn\":\"" + urn + "\",\"name\":\"Bench Primary " + urn + "\"}");
        String planId = send(http, service, "/api/schools/" + urn + "/plans",
                             "{\"academicYear\":\"2026-27\",\"title\":\"School Improvement Plan 2026-27\"}")
                .path("planId").asText();
        send(http, service, "/api/plans/" + planId + "/priorities",
             "{\"code\":\"P1\",\"statement\":\"Reading: every pupil reads fluently by the end of KS1\","
                     + "\"dueBy\":[\"SUMMER_2\"]}");
        String section = send(http, service, "/api/plans/" + planId + "/sections",
                              "{\"title\":\"Quality of education\",\"ofstedAreas\":[\"QUALITY_OF_EDUCATION\"]}")
                .path("sectionId").asText();
        List<String> actions = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            actions.add(send(http, service, "/api/plans/" + planId + "/actions",
                             "{\"sectionId\":\"" + section + "\",\"number\":\"" + n + "\",\"title\":\"Action " + n
                                     + ": phonics teaching is consistent across EYFS and KS1\",\"priorities\":[\"P1\"],"
                                     + "\"leads\":[\"DHT\"]}").path("actionId").asText());
        }
        return new School(urn, planId, actions);
    }

    private static JsonNode send(HttpClient http, Service service, String path, String json) throws Exception {
        HttpResponse<String> reply = http.send(service.post(path, json), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    static String visit(School school, int i) {
        return "{\"type\":\"LESSON_VISIT\",\"occurredOn\":\"" + DAY + "\",\"lead\":\"DHT\","
                + "\"focus\":{\"subject\":\"Phonics\",\"yearGroups\":[\"Y1\"]},"
                + "\"strengths\":[\"Pure sounds modelled clearly; pupils blended CVC words with confidence\","
                + "\"Pace kept every pupil reading (visit " + i + ")\"],"
                + "\"areasForDevelopment\":[\"Check decodable books match the sounds taught this week\"],"
                + "\"actionIds\":[\"" + school.actionId(i) + "\"],"
                + "\"nextSteps\":[{\"text\":\"Audit Y1 book bags against the phonics tracker\",\"owner\":\"EYFS lead\","
                + "\"dueOn\":\"2026-12-18\"}],"
                + "\"lessonVisit\":{\"kind\":\"DROP_IN\",\"className\":\"1H\",\"teacher\":\"Teacher " + (i % 7) + "\"}}";
    }

    static String rag(int i, String evidence) {
        return "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"" + (i % 2 == 0 ? "GREEN" : "AMBER")
                + "\",\"rationale\":\"Judged from the week's visits (" + i + ")\""
                + (evidence == null ? "" : ",\"evidence\":[\"" + evidence + "\"]") + "}";
    }
}
