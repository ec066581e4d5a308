package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole school year for the sample school, over HTTP: the plan imported from the template, monitoring scheduled,
 * 44 activities of 10 types across all six half-terms, next steps raised and checked, RAG judged each half-term,
 * governor challenge raised and closed, two self-evaluations. Every expectation is computed from what this test
 * itself sent (the model below), not copied from the service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                // its own context and store: the sample school's URN is used by other tests too
                properties = {"evidence.store.in-memory=true", "spring.application.name=school-year"})
class SchoolYearEndToEndTest {

    private static final String URN = "108520";
    private static final String PLAN = "108520-2023-24";
    private static final LocalDate YEAR_END = LocalDate.of(2024, 7, 22);
    private static final String[] RAGS = {"RED", "AMBER", "GREEN"};
    private static final Path TEMPLATES = Path.of("../../command-side/src/test/resources/plan-templates");

    @LocalServerPort
    int port;

    /** What the test sent, from which it computes every expected read. */
    private record Activity(String id, String type, LocalDate on, List<String> actions) {
    }

    private record Step(String id, String owner, LocalDate due) {
    }

    private int events;

    /** A moment of the year: when it was, and what the live reads showed then. */
    private record Moment(java.time.Instant at, List<JsonNode> reads) {
    }

    private final List<Moment> moments = new ArrayList<>();

    private List<String> momentReads(List<String> actions) {
        return List.of("/api/plans/" + PLAN, "/api/plans/" + PLAN + "/actions/" + actions.get(2) + "/timeline",
                       "/api/schools/" + URN + "/monitoring", "/api/schools/" + URN + "/challenges",
                       "/api/plans/" + PLAN + "/coverage?term=AUTUMN");
    }

    /** Captures the live reads once the service has settled (the same answers twice running). */
    private void captureMoment(Api api, List<String> actions) {
        List<JsonNode> previous = null;
        for (int i = 0; i < 200; i++) {
            List<JsonNode> now = momentReads(actions).stream().map(p -> api.get(p).body()).toList();
            if (now.equals(previous)) {
                moments.add(new Moment(java.time.Instant.now(), now));
                Api.sleep(5);
                return;
            }
            previous = now;
            Api.sleep(100);
        }
        throw new AssertionError("the reads never settled");
    }

    private Api.Reply created(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        events++;
        return reply;
    }

    @Test
    void aWholeYearReadsBackAsRecorded() throws IOException {
        Api slt = new Api("http://localhost:" + port, "slt");
        Api governor = slt.as("governor");
        Api subjectLeader = slt.as("subject-leader");
        SchoolCalendar calendar = DemoSchool.calendar();

        created(slt.postJson("/api/schools", Map.of("urn", URN, "name", "Usworth Colliery Primary School")));
        Map<String, Object> terms = new LinkedHashMap<>();
        calendar.halfTerms().forEach((h, t) -> terms.put(h.name(), Map.of("start", t.start().toString(),
                                                                          "end", t.end().toString())));
        created(slt.postJson("/api/schools/" + URN + "/calendars", Map.of("academicYear", "2023-24", "halfTerms", terms)));

        // --- a malformed template is refused whole, with every error by row and column, and writes nothing
        int auditBefore = slt.await("/api/schools/" + URN + "/audit", r -> r.body().path("total").asInt() == events)
                             .body().path("total").asInt();
        Api.Reply bad = slt.postBytes("/api/schools/" + URN + "/plan-imports?academicYear=2023-24&title=SIP",
                                      Files.readAllBytes(TEMPLATES.resolve("malformed.csv")), "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> where = StreamSupport.stream(bad.body().path("errors").spliterator(), false)
                                          .map(e -> e.path("row").asInt() + ":" + e.path("column").asText()).toList();
        assertThat(where).containsExactly("2:code", "3:half_terms", "5:cost");
        Api.sleep(300);
        assertThat(slt.get("/api/schools/" + URN + "/audit").body().path("total").asInt()).isEqualTo(auditBefore);

        // --- the plan, imported from the template
        Api.Reply imported = slt.postBytes("/api/schools/" + URN + "/plan-imports?academicYear=2023-24"
                                                   + "&title=School%20Improvement%20Plan%202023-2024",
                                           Files.readAllBytes(TEMPLATES.resolve("usworth-colliery-2023-24.csv")), "text/csv");
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("actions").asInt()).isEqualTo(12);
        events += 1 + 15 + 2 + 12 + imported.body().path("criteria").asInt();
        JsonNode plan = slt.await("/api/plans/" + PLAN, r -> r.body().path("actions").size() == 12
                && r.body().path("actions").path(11).path("criteria").size() == 2).body();
        List<String> actions = new ArrayList<>();
        plan.path("actions").forEach(a -> actions.add(a.path("actionId").asText()));
        String readingAction = actions.get(2);   // TLA 3: reading at the core
        String writingAction = actions.get(11);  // A&P 8: writing

        // --- the monitoring schedule: per half-term, a lesson visit (reading) and a book scrutiny (writing)
        Map<HalfTerm, String[]> planned = new LinkedHashMap<>();
        for (HalfTerm h : HalfTerm.values()) {
            String visit = created(slt.postJson("/api/plans/" + PLAN + "/schedule", Map.of("halfTerm", h.name(),
                    "type", "LESSON_VISIT", "subject", "Reading", "actionIds", List.of(readingAction), "who", "DHT")))
                    .text("plannedId");
            String scrutiny = created(slt.postJson("/api/plans/" + PLAN + "/schedule", Map.of("halfTerm", h.name(),
                    "type", "BOOK_SCRUTINY", "subject", "Writing", "actionIds", List.of(writingAction),
                    "who", "English Leader"))).text("plannedId");
            planned.put(h, new String[]{visit, scrutiny});
        }

        // --- the year's monitoring, next steps and RAG, half-term by half-term
        List<Activity> activities = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Set<String> checkedSteps = new LinkedHashSet<>();
        Map<String, String> lastRag = new HashMap<>();
        Map<HalfTerm, Step> firstStepOf = new HashMap<>();
        String[] types = {"LESSON_VISIT", "LEARNING_WALK", "BOOK_SCRUTINY", "PLANNING_SCRUTINY", "PUPIL_VOICE",
                "PUPIL_PROGRESS_MEETING", "DATA_ANALYSIS"};
        for (HalfTerm h : HalfTerm.values()) {
            int hi = h.ordinal();
            List<Activity> thisHalf = new ArrayList<>();
            for (int k = 0; k < 7; k++) {
                String type = k == 6 && hi % 2 == 1 ? "EXTERNAL_REVIEW" : types[k];
                LocalDate on = calendar.halfTerms().get(h).start().plusDays(3 + 4L * k);
                List<String> cited = new ArrayList<>(new LinkedHashSet<>(List.of(
                        actions.get((hi + 2 * k) % 12), actions.get((3 * hi + k) % 12))));
                if (k == 0) {
                    cited = List.of(readingAction);
                } else if (k == 2) {
                    cited = List.of(writingAction);
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", type);
                body.put("occurredOn", on.toString());
                body.put("lead", k % 2 == 0 ? "DHT" : "English Leader");
                body.put("focus", Map.of("subject", k == 0 ? "Reading" : "Writing", "yearGroups", List.of("Y" + (k % 6 + 1)),
                                         "pupilGroups", List.of(k % 2 == 0 ? "DISADVANTAGED" : "SEND")));
                body.put("strengths", List.of("Strength " + hi + "." + k));
                body.put("areasForDevelopment", List.of("Area " + hi + "." + k));
                body.put("actionIds", cited);
                specifics(type, body);
                if (k == 0) {
                    body.put("fulfils", planned.get(h)[0]);
                } else if (k == 2 && (hi == 2 || hi == 4)) {
                    body.put("fulfils", planned.get(h)[1]);
                }
                Step step = null;
                if (k % 2 == 0) {
                    String owner = k % 4 == 0 ? "DHT" : "English Leader";
                    body.put("nextSteps", List.of(Map.of("text", "Follow up " + hi + "." + k, "owner", owner,
                                                         "dueOn", on.plusDays(21).toString())));
                    step = new Step(null, owner, on.plusDays(21));
                }
                if (k == 1 && firstStepOf.containsKey(HalfTerm.values()[Math.max(0, hi - 1)]) && hi > 0) {
                    Step previous = firstStepOf.get(HalfTerm.values()[hi - 1]);
                    body.put("nextStepChecks", List.of(Map.of("nextStepId", previous.id(), "outcome", "ACTED_UPON",
                                                              "impact", "Seen in books " + hi)));
                    checkedSteps.add(previous.id());
                }
                Api who = k % 2 == 1 ? subjectLeader : slt;
                String id = created(who.postJson("/api/schools/" + URN + "/monitoring", body)).text("activityId");
                Activity activity = new Activity(id, type, on, cited);
                thisHalf.add(activity);
                if (step != null) {
                    Step recorded = new Step(id + "-ns1", step.owner(), step.due());
                    steps.add(recorded);
                    if (k == 0) {
                        firstStepOf.put(h, recorded);
                    }
                }
            }
            if (h == HalfTerm.SPRING_1) {
                Map<String, Object> visit = new LinkedHashMap<>();
                visit.put("type", "GOVERNOR_VISIT");
                visit.put("occurredOn", calendar.halfTerms().get(h).start().plusDays(10).toString());
                visit.put("lead", "JC");
                visit.put("governorVisit", Map.of("governor", "JC", "purpose", "Reading provision", "priorityCode", "P1"));
                thisHalf.add(new Activity(created(governor.postJson("/api/schools/" + URN + "/monitoring", visit))
                                                  .text("activityId"), "GOVERNOR_VISIT",
                                          LocalDate.parse((String) visit.get("occurredOn")), List.of()));
            }
            if (h == HalfTerm.SUMMER_1) {
                Map<String, Object> dive = new LinkedHashMap<>();
                dive.put("type", "DEEP_DIVE");
                dive.put("occurredOn", calendar.halfTerms().get(h).end().toString());
                dive.put("lead", "HT");
                dive.put("focus", Map.of("subject", "Writing"));
                dive.put("deepDive", Map.of("bundledActivityIds", thisHalf.stream().limit(5).map(Activity::id).toList()));
                thisHalf.add(new Activity(created(slt.postJson("/api/schools/" + URN + "/monitoring", dive))
                                                  .text("activityId"), "DEEP_DIVE",
                                          LocalDate.parse((String) dive.get("occurredOn")), List.of()));
            }
            activities.addAll(thisHalf);
            // the half-term review: judge each action cited this half-term, on that evidence
            Map<String, List<String>> evidence = new LinkedHashMap<>();
            thisHalf.forEach(a -> a.actions().forEach(x -> evidence.computeIfAbsent(x, y -> new ArrayList<>()).add(a.id())));
            for (Map.Entry<String, List<String>> e : evidence.entrySet()) {
                String status = RAGS[(hi + actions.indexOf(e.getKey())) % 3];
                created(slt.postJson("/api/plans/" + PLAN + "/actions/" + e.getKey() + "/rag", Map.of(
                        "halfTerm", h.name(), "status", status, "rationale", "Review " + h, "evidence", e.getValue())));
                lastRag.put(e.getKey(), status);
            }
            captureMoment(slt, actions);
        }
        assertThat(activities).hasSizeGreaterThanOrEqualTo(40);
        assertThat(activities.stream().map(Activity::type).distinct().count()).isGreaterThanOrEqualTo(8);

        // --- governance: two meetings, four challenges
        String board = created(governor.postJson("/api/schools/" + URN + "/meetings", Map.of("kind", "FULL_BOARD",
                "heldOn", "2023-12-05", "title", "Autumn full governing board"))).text("meetingId");
        String standards = created(governor.postJson("/api/schools/" + URN + "/meetings", Map.of("kind", "COMMITTEE",
                "committee", "Standards", "heldOn", "2024-03-12", "title", "Spring standards committee"))).text("meetingId");
        String c1 = challenge(governor, board, "P5", null, null, "Why are Y2 disadvantaged pupils behind in maths?");
        String c2 = challenge(governor, board, null, actions.get(7), null, "Which gaps have narrowed since September?");
        String c3 = challenge(governor, standards, "P14", null, null, "What is being done about persistent absence?");
        String governorVisit = activities.stream().filter(a -> a.type().equals("GOVERNOR_VISIT")).findFirst().orElseThrow().id();
        String c4 = challenge(governor, null, null, readingAction, governorVisit, "How are home reading books matched?");
        captureMoment(slt, actions);
        for (String c : List.of(c1, c2, c3)) {
            created(slt.postJson("/api/challenges/" + c + "/responses", Map.of("answer", "Answer to " + c)));
        }
        captureMoment(slt, actions);
        created(governor.postJson("/api/challenges/" + c1 + "/follow-ups", Map.of("followUp", "Report at spring", "dueOn", "2024-03-12")));
        created(governor.postJson("/api/challenges/" + c1 + "/closure", Map.of("whatChanged", "Tutoring; gap 30% to 10%")));
        created(governor.postJson("/api/challenges/" + c2 + "/closure", Map.of("whatChanged", "Y5 reading gap closed")));
        captureMoment(slt, actions);

        // --- two self-evaluations
        created(slt.postJson("/api/schools/" + URN + "/self-evaluations", Map.of("evaluatedOn", "2023-10-02", "ratings", List.of(
                Map.of("coreElement", 6, "standard", "G", "rating", 3, "evidenceNotes", "Pupil voice in few subjects",
                       "actionNotes", "Termly conferencing"),
                Map.of("coreElement", 2, "standard", "A", "rating", 2, "evidenceNotes", "Termly data drops")))));
        created(slt.postJson("/api/schools/" + URN + "/self-evaluations", Map.of("evaluatedOn", "2024-06-10", "ratings", List.of(
                Map.of("coreElement", 6, "standard", "G", "rating", 2, "evidenceNotes", "Conferencing in most subjects")))));

        captureMoment(slt, actions);

        // ================= as it stood: every read asOf each captured moment equals what it showed then =========
        assertThat(moments).hasSizeGreaterThanOrEqualTo(10);
        for (Moment moment : moments) {
            List<String> paths = momentReads(actions);
            for (int i = 0; i < paths.size(); i++) {
                String url = paths.get(i) + (paths.get(i).contains("?") ? "&" : "?") + "asOf=" + moment.at();
                JsonNode then = slt.get(url).body().deepCopy();
                if (then instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                    object.remove("asOf");
                }
                then.forEach(row -> {
                    if (row instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                        object.remove("asOf");
                    }
                });
                assertThat(then).as(paths.get(i) + " as of " + moment.at()).isEqualTo(moment.reads().get(i));
            }
        }

        // ================= the reads, against expectations computed from the model =================
        assertThat(slt.await("/api/schools/" + URN + "/audit", r -> r.body().path("total").asInt() >= events)
                      .body().path("total").asInt()).isEqualTo(events);

        JsonNode finalPlan = slt.await("/api/plans/" + PLAN, r -> true).body();
        Map<String, String> shownRag = new HashMap<>();
        finalPlan.path("actions").forEach(a -> shownRag.put(a.path("actionId").asText(),
                                                            a.path("rag").isNull() ? null : a.path("rag").asText()));
        for (String action : actions) {
            assertThat(shownRag.get(action)).as("RAG of action " + actions.indexOf(action)).isEqualTo(lastRag.get(action));
        }
        Map<String, Integer> expectedDistribution = new TreeMap<>(Map.of("GREEN", 0, "AMBER", 0, "RED", 0, "NOT_JUDGED", 0));
        actions.forEach(a -> expectedDistribution.merge(lastRag.get(a) == null ? "NOT_JUDGED" : lastRag.get(a), 1, Integer::sum));
        Map<String, Integer> shownDistribution = new TreeMap<>();
        finalPlan.path("rollUp").path("distribution").fields().forEachRemaining(e -> shownDistribution.put(e.getKey(), e.getValue().asInt()));
        assertThat(shownDistribution).isEqualTo(expectedDistribution);

        // coverage per term: the actions no activity cited between the term's first and last day
        for (String term : List.of("AUTUMN", "SPRING", "SUMMER")) {
            HalfTerm first = HalfTerm.valueOf(term + "_1");
            HalfTerm second = HalfTerm.valueOf(term + "_2");
            LocalDate from = calendar.halfTerms().get(first).start();
            LocalDate to = calendar.halfTerms().get(second).end();
            Set<String> cited = new LinkedHashSet<>();
            activities.stream().filter(a -> !a.on().isBefore(from) && !a.on().isAfter(to)).forEach(a -> cited.addAll(a.actions()));
            List<String> expectedUncovered = actions.stream().filter(a -> !cited.contains(a)).toList();
            JsonNode coverage = slt.get("/api/plans/" + PLAN + "/coverage?term=" + term).body();
            List<String> uncovered = new ArrayList<>();
            coverage.path("uncovered").forEach(u -> uncovered.add(u.path("actionId").asText()));
            assertThat(uncovered).as("uncovered in " + term).isEqualTo(expectedUncovered);
        }

        // next steps: overdue at the year's end = raised, never checked; also per owner
        List<String> expectedOverdue = steps.stream().filter(s -> !checkedSteps.contains(s.id()) && s.due().isBefore(YEAR_END))
                                            .map(Step::id).sorted().toList();
        JsonNode overdue = slt.await("/api/schools/" + URN + "/next-steps?status=OVERDUE&on=" + YEAR_END,
                                     r -> r.body().size() == expectedOverdue.size()).body();
        assertThat(ids(overdue, "stepId")).containsExactlyInAnyOrderElementsOf(expectedOverdue);
        List<String> expectedDht = steps.stream().filter(s -> !checkedSteps.contains(s.id()) && s.owner().equals("DHT"))
                                        .map(Step::id).toList();
        assertThat(ids(slt.get("/api/schools/" + URN + "/next-steps?status=OVERDUE&owner=DHT&on=" + YEAR_END).body(), "stepId"))
                .containsExactlyInAnyOrderElementsOf(expectedDht);
        assertThat(ids(slt.get("/api/schools/" + URN + "/next-steps?status=CHECKED").body(), "stepId"))
                .containsExactlyInAnyOrderElementsOf(checkedSteps);
        assertThat(slt.get("/api/plans/" + PLAN + "/flags?on=" + YEAR_END).body().path("overdueNextSteps").size())
                .isEqualTo(expectedOverdue.size());

        // the schedule at the year's end: every lesson visit done; book scrutinies done in spring 1 and summer 1 only
        JsonNode schedule = slt.get("/api/plans/" + PLAN + "/schedule?on=" + YEAR_END).body();
        assertThat(schedule.path("counts").path("DONE").asInt()).isEqualTo(6 + 2);
        assertThat(schedule.path("counts").path("OVERDUE").asInt()).isEqualTo(4);

        // the challenge log, whole and per priority / action
        JsonNode log = slt.get("/api/schools/" + URN + "/challenges").body();
        Map<String, String> status = new HashMap<>();
        log.forEach(c -> status.put(c.path("challengeId").asText(), c.path("status").asText()));
        assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(c1, "CLOSED", c2, "CLOSED", c3, "ANSWERED", c4, "OPEN"));
        assertThat(ids(slt.get("/api/schools/" + URN + "/challenges?priorityCode=P5").body(), "challengeId")).containsExactly(c1);
        assertThat(ids(slt.get("/api/schools/" + URN + "/challenges?actionId=" + readingAction).body(), "challengeId"))
                .containsExactly(c4);

        // self-evaluation history
        JsonNode history = slt.get("/api/schools/" + URN + "/self-evaluations/standards/6/G").body().path("history");
        assertThat(history.findValuesAsText("evaluatedOn")).containsExactly("2023-10-02", "2024-06-10");
        assertThat(StreamSupport.stream(history.spliterator(), false).map(h -> h.path("rating").asInt()).toList())
                .containsExactly(3, 2);
    }

    @Test
    void theSamePlanImportsFromAnXlsxWorkbookOverHttp() throws IOException {
        Api slt = new Api("http://localhost:" + port, "slt");
        created(slt.postJson("/api/schools", Map.of("urn", "100003", "name", "Another Primary School")));
        byte[] workbook;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream();
             var reader = Files.newBufferedReader(TEMPLATES.resolve("usworth-colliery-2023-24.csv"))) {
            var sheet = book.createSheet("Plan");
            int r = 0;
            for (var record : org.apache.commons.csv.CSVFormat.DEFAULT.parse(reader)) {
                var row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    row.createCell(c).setCellValue(record.get(c));
                }
            }
            book.write(out);
            workbook = out.toByteArray();
        }
        Api.Reply reply = slt.postBytes("/api/schools/100003/plan-imports?academicYear=2024-25&title=Plan",
                                        workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("priorities").asInt()).isEqualTo(15);
        assertThat(reply.body().path("criteria").asInt()).isEqualTo(30);
        JsonNode plan = slt.await("/api/plans/100003-2024-25", r -> r.body().path("actions").size() == 12).body();
        assertThat(plan.path("sections").path(1).path("title").asText()).isEqualTo("Achievement and progress");
        // importing again into the same year is refused, writing nothing
        assertThat(slt.postBytes("/api/schools/100003/plan-imports?academicYear=2024-25&title=Plan", workbook,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").status())
                .isEqualTo(409);
        Api.Reply garbage = slt.postBytes("/api/schools/100003/plan-imports?academicYear=2025-26&title=Plan",
                                          "not a workbook".getBytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().path("errors").path(0).path("column").asText()).isEqualTo("file");
    }

    private String challenge(Api governor, String meeting, String priority, String action, String visit, String question) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", PLAN);
        body.put("priorityCode", priority);
        body.put("actionId", action);
        body.put("meetingId", meeting);
        body.put("visitActivityId", visit);
        body.put("raisedOn", "2024-01-10");
        body.put("raisedBy", "JC");
        body.put("question", question);
        return created(governor.postJson("/api/schools/" + URN + "/challenges", body)).text("challengeId");
    }

    private static void specifics(String type, Map<String, Object> body) {
        switch (type) {
            case "LESSON_VISIT" -> body.put("lessonVisit", Map.of("kind", "DROP_IN", "className", "Y4"));
            case "LEARNING_WALK" -> body.put("learningWalk", Map.of("classesVisited", List.of("Y1", "Y2")));
            case "BOOK_SCRUTINY", "PLANNING_SCRUTINY" -> body.put("workScrutiny", Map.of("sampleSize", 12,
                    "sampleByGroup", Map.of("DISADVANTAGED", 4, "HIGHER_ATTAINING", 4)));
            case "PUPIL_VOICE" -> body.put("pupilVoice", Map.of("numberOfPupils", 8, "questionsAsked",
                    List.of("What are you learning?"), "whatPupilsSaid", List.of("We link it to last year")));
            case "PUPIL_PROGRESS_MEETING" -> body.put("progressMeeting", Map.of("className", "Y2",
                    "pupilsDiscussedByGroup", Map.of("DISADVANTAGED", 5), "barriers", List.of("Number bonds"),
                    "interventionsAgreed", List.of("Fluency group")));
            case "DATA_ANALYSIS" -> body.put("dataAnalysis", Map.of("dataset", "Termly tracking", "period", "Half-term"));
            case "EXTERNAL_REVIEW" -> body.put("externalReview", Map.of("reviewerKind", "LA_ADVISER",
                    "reviewer", "Together for Children adviser", "organisation", "Together for Children"));
            default -> { }
        }
    }

    private static List<String> ids(JsonNode rows, String field) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path(field).asText()));
        return ids;
    }
}
