package school.evidence.standalone;

import static org.assertj.core.api.Assertions.assertThat;

/** The curl scenario, step by step, returning the ids it creates. */
final class Scenario {

    final String planId;
    final String sectionId;
    final String actionId;
    final String criterionId;
    final String activityId;

    private Scenario(String planId, String sectionId, String actionId, String criterionId, String activityId) {
        this.planId = planId;
        this.sectionId = sectionId;
        this.actionId = actionId;
        this.criterionId = criterionId;
        this.activityId = activityId;
    }

    /** Registers the school and builds its plan up to (not including) the RAG judgement. */
    static Scenario upToTheLessonVisit(Api api, String urn) {
        Api.Reply school = api.post("/api/schools", "{\"urn\":\"" + urn + "\",\"name\":\"Usworth Colliery Primary School\"}");
        assertThat(school.status()).isEqualTo(201);
        assertThat(school.text("urn")).isEqualTo(urn);
        Api.Reply plan = api.post("/api/schools/" + urn + "/plans",
                                  "{\"academicYear\":\"2023-24\",\"title\":\"School Improvement Plan 2023-2024\"}");
        assertThat(plan.status()).isEqualTo(201);
        String planId = plan.text("planId");
        assertThat(api.post("/api/plans/" + planId + "/priorities",
                            "{\"code\":\"P1\",\"statement\":\"100% of teaching across time is good\",\"dueBy\":[\"SUMMER_2\"]}")
                      .status()).isEqualTo(201);
        Api.Reply section = api.post("/api/plans/" + planId + "/sections",
                                     "{\"title\":\"Teaching, learning and assessment\",\"ofstedAreas\":[\"QUALITY_OF_EDUCATION\"]}");
        assertThat(section.status()).isEqualTo(201);
        String sectionId = section.text("sectionId");
        Api.Reply action = api.post("/api/plans/" + planId + "/actions",
                                    "{\"sectionId\":\"" + sectionId + "\",\"number\":\"1\",\"title\":\"Expectations of "
                                            + "effective teaching and learning embedded across school\",\"priorities\":[\"P1\"],"
                                            + "\"leads\":[\"HT\",\"DHT\"],\"governorLink\":\"JC\"}");
        assertThat(action.status()).isEqualTo(201);
        String actionId = action.text("actionId");
        Api.Reply criterion = api.post("/api/plans/" + planId + "/actions/" + actionId + "/criteria",
                                       "{\"halfTerms\":[\"AUTUMN_1\"],\"text\":\"Subject leaders share and monitor expectations for planning\"}");
        assertThat(criterion.status()).isEqualTo(201);
        Api.Reply visit = api.post("/api/schools/" + urn + "/monitoring", lessonVisit(actionId));
        assertThat(visit.status()).isEqualTo(201);
        return new Scenario(planId, sectionId, actionId, criterion.text("criterionId"), visit.text("activityId"));
    }

    static String lessonVisit(String actionId) {
        return "{\"type\":\"LESSON_VISIT\",\"occurredOn\":\"2023-10-12\",\"lead\":\"DHT\",\"focus\":{\"subject\":\"Reading\","
                + "\"yearGroups\":[\"Y4\"]},\"strengths\":[\"Clear modelling\"],\"areasForDevelopment\":[\"Pace in independent "
                + "work\"],\"actionIds\":[\"" + actionId + "\"]}";
    }

    String ragPath() {
        return "/api/plans/" + planId + "/actions/" + actionId + "/rag";
    }

    String green() {
        return "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"GREEN\",\"rationale\":\"Visits show expectations embedded\","
                + "\"evidence\":[\"" + activityId + "\"]}";
    }
}
