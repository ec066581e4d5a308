package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23's first acceptance, end to end through the API: a trust plan with two priorities that three schools take
 * part in; a school's priority linked to a trust priority; a subject leader's plan in that school supporting the school
 * action; monitoring and RAG at each level; a triad review of the school agreeing two actions in its plan; the trust
 * view's roll-up per trust priority and its due and done triad reviews; and each school's evidence pack with the trust
 * actions it takes part in and no other school's data.
 */
@TestPropertySource(properties = "evidence.journeys=action-timescale") // writes to the demo trust: not the shared service
class TrustWideEndToEndTest extends JourneyTest {

    private static final String TRUST = "wearside-learning-trust";
    private static final String USWORTH = "108520";
    private static final String RIVERSIDE = "108999";
    private static final String CASTLE_VIEW = "108997";

    @Test
    void aTrustPlanFeedsSchoolSubjectAndTriadWorkAndEachSchoolSeesOnlyItsOwn() throws Exception {
        Api officer = new Api(base(), "trust-officer");
        Api slt = new Api(base(), "slt");
        Api lead = new Api(base(), "subject-leader");

        // the trust's plan: two priorities, an action for each, all three schools taking part
        String plan = officer.post("/api/trusts/" + TRUST + "/plans", "{\"fromYear\":\"2025-26\",\"toYear\":\"2027-28\","
                + "\"title\":\"Wearside three-year plan\"}").text("planId");
        String base = "/api/trusts/" + TRUST + "/plans/" + plan;
        assertThat(officer.post(base + "/priorities", "{\"code\":\"T1\",\"statement\":\"Reading across the trust\"}")
                          .status()).isEqualTo(201);
        assertThat(officer.post(base + "/priorities", "{\"code\":\"T2\",\"statement\":\"Attendance above 95%\"}")
                          .status()).isEqualTo(201);
        String schools = "[\"" + USWORTH + "\",\"" + RIVERSIDE + "\",\"" + CASTLE_VIEW + "\"]";
        String reading = officer.post(base + "/actions", "{\"number\":\"1\",\"title\":\"Shared reading spine\","
                + "\"priorities\":[\"T1\"],\"takingPart\":" + schools + "}").text("actionId");
        String attendance = officer.post(base + "/actions", "{\"number\":\"2\",\"title\":\"Attendance officer visits\","
                + "\"priorities\":[\"T2\"],\"takingPart\":" + schools + "}").text("actionId");

        String beforeJudged = java.time.Instant.now().toString();

        // the school's priority feeds T1; its action is supported by a subject leader's plan
        assertThat(slt.post("/api/plans/" + PLAN_ID + "/priorities/P5/trust-link",
                            "{\"trustPlanId\":\"" + plan + "\",\"trustPriority\":\"T1\"}").status()).isEqualTo(201);
        JsonNode schoolPlan = slt.get("/api/plans/" + PLAN_ID).body();
        String sectionId = schoolPlan.path("sections").get(0).path("sectionId").asText();
        Api.Reply schoolAction = slt.post("/api/plans/" + PLAN_ID + "/actions", "{\"sectionId\":\"" + sectionId
                + "\",\"number\":\"31\",\"title\":\"Reading spine in every class\",\"priorities\":[\"P5\"]}");
        assertThat(schoolAction.status()).as(schoolAction.raw().body()).isEqualTo(201);
        String schoolActionId = schoolAction.text("actionId");
        assertThat(lead.post("/api/plans/" + PLAN_ID + "/subject-plans", "{\"area\":\"Mathematics\","
                + "\"kind\":\"SUBJECT\",\"leader\":\"Maths lead\"}").status()).isEqualTo(201);
        String subjectActionId = lead.post("/api/plans/" + PLAN_ID + "/subject-plans/mathematics/actions",
                "{\"number\":\"1\",\"title\":\"Reading maths problems aloud\",\"supports\":[\"" + schoolActionId
                + "\"]}").text("actionId");

        // monitoring, and RAG at each level: the subject action, the school action, the trust action at each school
        Api.Reply walk = lead.postJson("/api/schools/" + USWORTH + "/monitoring", Map.of("type", "LEARNING_WALK",
                "occurredOn", "2026-11-25", "lead", "Maths lead", "strengths", List.of("Spine books in every room"),
                "actionIds", List.of(schoolActionId, subjectActionId)));
        assertThat(walk.status()).as(walk.raw().body()).isEqualTo(201);
        String evidence = "\"evidence\":[\"" + walk.text("activityId") + "\"]";
        assertThat(slt.post("/api/plans/" + PLAN_ID + "/actions/" + subjectActionId + "/rag", "{\"halfTerm\":"
                + "\"AUTUMN_2\",\"status\":\"GREEN\",\"rationale\":\"Read aloud daily\"," + evidence + "}").status())
                .isEqualTo(201);
        assertThat(slt.post("/api/plans/" + PLAN_ID + "/actions/" + schoolActionId + "/rag", "{\"halfTerm\":"
                + "\"AUTUMN_2\",\"status\":\"AMBER\",\"rationale\":\"Spine in place, not yet read\"," + evidence + "}")
                      .status()).isEqualTo(201);
        // a learning walk recorded from the page against the trust's action itself, beside the school's own
        signIn(browser, "subject-leader");
        browser.open("/schools/" + USWORTH + "/monitoring/new/learning-walk");
        assertThat(browser.text()).contains("From the trust's plan", "Wearside Learning Trust: 1 Shared reading spine");
        browser.date("occurredOn", "26", "11", "2026");
        browser.type("lead", "English lead");
        browser.find(By.xpath("//label[text()='Wearside Learning Trust: 1 Shared reading spine']")).click();
        browser.accessible("recording monitoring against a trust action");
        browser.go(By.xpath("//button[text()='Save']"));
        assertThat(browser.text()).contains("Learning walk recorded",
                                            "From the trust's plan: Wearside Learning Trust: 1 Shared reading spine");
        String trustWalk = browser.path().substring("/monitoring/".length());
        Api.Reply elsewhere = lead.postJson("/api/schools/" + USWORTH + "/monitoring", Map.of("type", "LEARNING_WALK",
                "occurredOn", "2026-11-26", "lead", "English lead", "actionIds", List.of(plan)));
        assertThat(elsewhere.status()).isEqualTo(400); // not an action of the school's plan or of a trust plan
        assertThat(elsewhere.raw().body()).contains("actionIds");

        String judge = "/api/schools/%s/trust-plans/" + plan + "/actions/%s/rag";
        assertThat(slt.post(judge.formatted(USWORTH, reading), "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"AMBER\","
                + "\"rationale\":\"Usworth spine started\",\"evidence\":[\"" + trustWalk + "\"]}").status())
                .isEqualTo(201);
        assertThat(officer.post(judge.formatted(RIVERSIDE, reading), "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"RED\","
                + "\"rationale\":\"Riverside not started\"}").status()).isEqualTo(201);
        assertThat(officer.post(judge.formatted(CASTLE_VIEW, attendance), "{\"halfTerm\":\"AUTUMN_2\","
                + "\"status\":\"GREEN\",\"rationale\":\"Castle View at 97%\"}").status()).isEqualTo(201);

        // a triad of the three; Usworth's autumn review agrees two actions in its plan
        Api.Reply outside = officer.post("/api/trusts/" + TRUST + "/triads", "{\"name\":\"Wearside triad\","
                + "\"academicYear\":\"2026-27\",\"schools\":[\"" + USWORTH + "\",\"" + RIVERSIDE + "\",\"123456\"]}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.raw().body()).contains("schools", "Not a school of the trust: 123456");
        // the officer forms it from the page: the same school twice is refused, with what was typed kept
        signIn(browser, "trust-officer");
        browser.open("/trusts/" + TRUST + "/triads");
        browser.type("name", "Wearside triad");
        browser.type("academicYear", "2026-27");
        choose("autumn", "Usworth Colliery Primary School");
        choose("spring", "Usworth Colliery Primary School");
        choose("summer", "Castle View Primary School");
        browser.go(By.xpath("//button[text()='Form the triad']"));
        assertThat(browser.text()).contains("There is a problem", "A triad is three different schools");
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Wearside triad");
        assertThat(new Select(browser.find(By.id("summer"))).getFirstSelectedOption().getText())
                .isEqualTo("Castle View Primary School");
        browser.accessible("forming a triad, with a mistake");
        choose("spring", "Riverside Primary School");
        browser.go(By.xpath("//button[text()='Form the triad']"));
        assertThat(browser.text()).contains("Triad formed", "Wearside triad, 2026-27", "Later in the year");
        String triadId = "wearside-triad-2026-27";
        String action = "{\"sectionId\":\"" + sectionId + "\",\"number\":\"%s\",\"title\":\"%s\",\"priorities\":[\"P5\"]}";
        Api.Reply review = slt.post("/api/plans/" + PLAN_ID + "/triad-reviews", "{\"trustId\":\"" + TRUST
                + "\",\"triadId\":\"" + triadId + "\",\"term\":\"AUTUMN\",\"reviewedOn\":\"2026-11-18\","
                + "\"reviewers\":[\"Head teacher, Castle View\"],\"focus\":\"The school's self-evaluation of reading\","
                + "\"findings\":[\"Phonics is secure in KS1\"],\"actions\":[" + action.formatted("32", "Reading "
                + "records for every pupil") + "," + action.formatted("33", "Book talk in Year 5") + "]}");
        assertThat(review.status()).as(review.raw().body()).isEqualTo(201);
        List<String> agreed = List.of(review.body().path("actionIds").get(0).asText(),
                                      review.body().path("actionIds").get(1).asText());

        JsonNode ownPlan = slt.await("/api/plans/" + PLAN_ID, r -> !find(r.body(), agreed.get(1)).isMissingNode()
                && "GREEN".equals(find(r.body(), subjectActionId).path("rag").asText())).body();
        assertThat(find(ownPlan, agreed.get(0)).path("agreedAt").path("term").asText()).isEqualTo("AUTUMN");
        assertThat(find(ownPlan, agreed.get(1)).path("title").asText()).isEqualTo("Book talk in Year 5");
        assertThat(find(ownPlan, schoolActionId).path("subjectActions").get(0).path("rag").asText()).isEqualTo("GREEN");

        // the trust's view: T1 rolled up over its schools and Usworth's linked priority; the triad's reviews
        JsonNode view = officer.await(base, r -> r.body().path("priorities").get(0).path("schools").size() == 1
                && "RED".equals(r.body().path("priorities").get(0).path("rag").asText())).body();
        assertThat(view.path("priorities").get(0).path("schools").get(0).path("code").asText()).isEqualTo("P5");
        JsonNode usworthReading = view.path("actions").get(0).path("schools").get(0);
        assertThat(usworthReading.path("name").asText()).isEqualTo("Usworth Colliery Primary School");
        assertThat(officer.await(base, r -> r.body().path("actions").get(0).path("schools").get(0).path("monitoring")
                                            .asInt() == 1).status()).isEqualTo(200);
        assertThat(view.path("actions").get(0).path("schools").get(1).path("monitoring").asInt()).isZero();
        JsonNode then = officer.get(base + "?asOf=" + beforeJudged).body(); // as the product knew it then
        assertThat(then.path("asOf").asText()).isEqualTo(beforeJudged);
        assertThat(then.path("actions").get(0).path("schools").findValuesAsText("rag")).containsOnly("null");
        assertThat(then.path("priorities").get(0).path("schools").size()).isZero(); // linked later
        JsonNode t2 = view.path("priorities").get(1).path("distribution"); // one school judged, two not yet
        assertThat(List.of(t2.path("GREEN").asInt(), t2.path("NOT_JUDGED").asInt())).containsExactly(1, 2);
        JsonNode triads = officer.await("/api/trusts/" + TRUST + "/triads?on=2026-12-04",
                                        r -> r.body().path("done").asInt() == 1).body();
        assertThat(List.of(triads.path("done").asInt(), triads.path("due").asInt(), triads.path("later").asInt()))
                .containsExactly(1, 0, 2);
        JsonNode autumn = triads.path("triads").get(0).path("reviews").get(0);
        assertThat(autumn.path("school").path("name").asText()).isEqualTo("Usworth Colliery Primary School");
        assertThat(autumn.path("actions").findValuesAsText("title"))
                .containsExactly("Reading records for every pupil", "Book talk in Year 5");

        // each school's pack: its trust actions and own judgements, no other school's
        String usworth = slt.get("/api/schools/" + USWORTH + "/evidence-pack?from=2026-09-01&to=2026-12-04&format=HTML")
                            .raw().body();
        assertThat(usworth).contains("Wearside three-year plan: 1. Shared reading spine", "Usworth spine started",
                                     "Learning walk, 26 November 2026",
                                     "Reviews by the school's triad", "Phonics is secure in KS1",
                                     "Agreed at the autumn term triad review")
                           .doesNotContain("Riverside", "Castle View at 97%", RIVERSIDE, CASTLE_VIEW);
        String riverside = officer.get("/api/schools/" + RIVERSIDE + "/evidence-pack?from=2026-09-01&to=2026-12-04"
                                       + "&format=HTML").raw().body();
        assertThat(riverside).contains("Wearside three-year plan: 1. Shared reading spine", "Riverside not started",
                                       "None in the period")
                             .doesNotContain("Usworth spine started", "Castle View at 97%", "Phonics is secure");

        // the trust's audit trail: its own records and its schools' records made for it, each with who and when
        JsonNode audit = officer.await("/api/trusts/" + TRUST + "/audit?size=500",
                                       r -> r.body().path("items").findValuesAsText("type").contains("TriadFormed")).body();
        assertThat(audit.path("items").findValuesAsText("subjectId")).contains(plan, TRUST, PLAN_ID);
        assertThat(audit.path("items").findValuesAsText("type")).contains("TrustPlanCreated", "TrustPriorityAdded",
                "TrustActionAdded", "TrustActionRagJudged", "TriadFormed", "TriadReviewRecorded");
        assertThat(slt.get("/api/trusts/" + TRUST + "/audit").status()).isEqualTo(403);

        signIn(browser, "trust-officer");
        browser.open("/trusts/" + TRUST + "/plans/" + plan);
        assertThat(browser.text()).contains("Autumn 2: Usworth spine started\n1 monitoring record",
                                            "Autumn 2: Riverside not started\nNo monitoring against it");
        browser.open("/trusts/" + TRUST);
        browser.go(By.linkText("Triad reviews"));
        assertThat(browser.text()).contains("Wearside triad, 2026-27", "Autumn term: Usworth Colliery Primary School",
                                            "Done", "Reading records for every pupil");
        browser.accessible("the trust's triad reviews");
        browser.fitsNarrowScreen("the trust's triad reviews");
        browser.screenshot("triads");

        signIn(browser, "slt");
        browser.open("/schools/" + USWORTH);
        assertThat(browser.text()).contains("Action 1, Shared reading spine", "1 monitoring record.");
        browser.open("/plans/" + PLAN_ID + "/actions/" + agreed.get(0));
        assertThat(browser.text()).contains("Agreed at", "Autumn term triad review, 18 November 2026");
        browser.go(By.linkText("Autumn term triad review, 18 November 2026"));
        assertThat(browser.text()).contains("Reviews by the school's triad", "Head teacher, Castle View",
                                            "32 Reading records for every pupil");
        browser.accessible("the plan with its triad review");

        // the school's page for the trust's action: its own RAG and monitoring, and the form to judge it here
        browser.open("/schools/" + USWORTH);
        browser.go(By.linkText("Action 1, Shared reading spine"));
        assertThat(browser.text()).contains("RAG here", "Usworth spine started", "Learning walk, 26 November 2026")
                                  .doesNotContain("Riverside", "Castle View");
        browser.find(By.xpath("//label[starts-with(., 'Learning walk, 26 November 2026')]")).click();
        browser.type("rationale", "The spine is read in every class");
        browser.go(By.xpath("//button[text()='Save judgement']"));
        assertThat(browser.text()).contains("There is a problem", "Choose green, amber or red");
        assertThat(browser.find(By.id("rationale")).getAttribute("value")).isEqualTo("The spine is read in every class");
        browser.accessible("judging a trust action at the school, with a mistake");
        new Select(browser.find(By.id("halfTerm"))).selectByVisibleText("Autumn 2");
        browser.find(By.xpath("//label[starts-with(., 'Green')]")).click();
        browser.go(By.xpath("//button[text()='Save judgement']"));
        assertThat(browser.text()).contains("Judgement saved: Green for Autumn 2", "The spine is read in every class");
        browser.fitsNarrowScreen("a trust action at the school");
        browser.screenshot("trust-action");
    }

    private void choose(String select, String school) {
        new Select(browser.find(By.id(select))).selectByVisibleText(school);
    }

    private static JsonNode find(JsonNode plan, String actionId) {
        for (JsonNode action : plan.path("actions")) {
            if (action.path("actionId").asText().equals(actionId)) {
                return action;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance(); // not in the view yet
    }
}
