package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo switch loads a realistic school a newcomer can look at straight away. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.load-school=true"})
class DemoSchoolTest {

    @LocalServerPort
    int port;

    @Test
    void loadsThePlanItsMonitoringRagAndNextSteps() {
        Api governor = new Api("http://localhost:" + port, "governor");
        JsonNode plan = governor.await("/api/plans/108520-2023-24",
                                       r -> r.status() == 200 && r.body().path("version").asInt() >= 32).body();
        assertThat(plan.path("priorities").size()).isEqualTo(9);
        assertThat(plan.path("sections").size()).isEqualTo(2);
        assertThat(plan.path("actions").size()).isEqualTo(6);
        assertThat(plan.path("rollUp").path("distribution").path("GREEN").asInt()).isEqualTo(2);
        assertThat(plan.path("rollUp").path("distribution").path("AMBER").asInt()).isEqualTo(2);
        assertThat(plan.path("rollUp").path("distribution").path("RED").asInt()).isEqualTo(1);
        assertThat(governor.await("/api/schools/108520/monitoring", r -> r.body().size() == 6).body().size()).isEqualTo(6);
        assertThat(governor.await("/api/schools/108520/next-steps?status=ALL", r -> r.body().size() == 6).body().size())
                .isEqualTo(6);
        JsonNode flags = governor.get("/api/plans/108520-2023-24/flags?on=2024-01-15").body();
        assertThat(flags.path("overdueNextSteps").size()).isEqualTo(6);
        assertThat(flags.path("unjudgedCriteria").size()).isGreaterThan(0);
    }
}
