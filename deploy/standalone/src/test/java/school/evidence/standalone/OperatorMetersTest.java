package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's meters exist and move: commands counted by type and outcome, projection lag back to zero. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "spring.application.name=meters"})
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability // tests turn exporters off otherwise
class OperatorMetersTest {

    @LocalServerPort
    int port;

    private static double value(String scrape, String metric) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + " ([0-9.eE+-]+|NaN)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void metersExistAndMoveWithCommandsAndCatchUp() {
        Api slt = new Api("http://localhost:" + port, "slt");
        String before = slt.getAnonymously("/actuator/prometheus").raw().body();
        Scenario s = Scenario.upToTheLessonVisit(slt, "100030");
        assertThat(slt.post("/api/schools", "{\"urn\":\"100030\",\"name\":\"Again\"}").status()).isEqualTo(409);
        assertThat(slt.post("/api/plans/" + s.planId + "/actions/nope/criteria",
                            "{\"halfTerms\":[\"AUTUMN_1\"],\"text\":\"x\"}").status()).isEqualTo(404);

        String after = slt.getAnonymously("/actuator/prometheus").raw().body();
        String ok = "evidence_commands_seconds_count{command=\"RegisterSchool\",outcome=\"success\"}";
        String conflict = "evidence_commands_seconds_count{command=\"RegisterSchool\",outcome=\"conflict\"}";
        String rejected = "evidence_commands_seconds_count{command=\"AddSuccessCriterion\",outcome=\"rejected\"}";
        assertThat(Math.max(0, value(before, ok))).isZero();
        assertThat(value(after, ok)).isEqualTo(1.0);
        assertThat(value(after, conflict)).isEqualTo(1.0);
        assertThat(value(after, rejected)).isEqualTo(1.0);
        assertThat(value(after, "evidence_ledger_events_reserved_total")).isGreaterThanOrEqualTo(7.0);
        // Axon's own, dimensional, processor metrics are there too
        assertThat(after).contains("eventProcessor_latency{processorName=\"plan-view\"}", "commandBus_successCounter_total");

        // lag returns to zero once every projection has caught up
        String lag = "evidence_processor_lag_events{processor=\"plan-view\"}";
        double seen = -1;
        for (int i = 0; i < 100; i++) {
            seen = value(slt.getAnonymously("/actuator/prometheus").raw().body(), lag);
            if (seen == 0.0) {
                break;
            }
            Api.sleep(100);
        }
        assertThat(seen).isZero();
        assertThat(slt.getAnonymously("/actuator/health/readiness").body().path("status").asText()).isEqualTo("UP");
    }
}
