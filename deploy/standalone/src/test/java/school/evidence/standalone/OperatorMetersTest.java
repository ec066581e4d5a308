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
        // each moved by exactly what this test did (another test in this class may have run first)
        assertThat(value(after, ok) - Math.max(0, value(before, ok))).isEqualTo(1.0);
        assertThat(value(after, conflict) - Math.max(0, value(before, conflict))).isEqualTo(1.0);
        assertThat(value(after, rejected) - Math.max(0, value(before, rejected))).isEqualTo(1.0);
        assertThat(value(after, "evidence_ledger_events_reserved_total")
                           - Math.max(0, value(before, "evidence_ledger_events_reserved_total"))).isGreaterThanOrEqualTo(7.0);
        // Axon's own, dimensional, processor metrics are there too
        assertThat(after).contains("eventProcessor_latency{processorName=\"read-models\"}", "commandBus_successCounter_total");

        // lag returns to zero once every projection has caught up
        String lag = "evidence_processor_lag_events{processor=\"quick-read-models\",projection=\"plan-view\"}";
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

    /** The Grafana dashboard in deploy/ is built on meters the service really publishes, with the names it uses. */
    @Test
    void theDashboardUsesOnlyMetersTheServicePublishes() throws Exception {
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario.upToTheLessonVisit(slt, "100031");
        assertThat(slt.awaitPost("/api/schools/100031/checkpoints").status()).isEqualTo(201);
        assertThat(slt.get("/api/schools/100031/ledger/verification").status()).isEqualTo(200);
        String scrape = slt.getAnonymously("/actuator/prometheus").raw().body();
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../grafana/evidence-ledger.json"));
        Matcher names = Pattern.compile("\\b(evidence_\\w+|eventProcessor_\\w+|http_server_\\w+|jvm_\\w+|mongodb_\\w+)")
                               .matcher(dashboard);
        java.util.Set<String> used = new java.util.TreeSet<>();
        while (names.find()) {
            used.add(names.group(1));
        }
        assertThat(used).hasSizeGreaterThan(8);
        for (String metric : used) {
            assertThat(Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(scrape).find())
                    .as("the dashboard's " + metric + " is published").isTrue();
        }
    }
}
