package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import school.evidence.kernel.plan.AcademicYear;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo switch loads a realistic school, living in the current school year, a newcomer can look at at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"evidence.store.in-memory=true", "evidence.demo.load-school=true"})
class DemoSchoolTest {

    @LocalServerPort
    int port;

    @Test
    void loadsThisYearsPlanItsMonitoringRagNextStepsAndPlannedMonitoring() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String plan = "/api/plans/108520-" + AcademicYear.containing(today);
        Api governor = new Api("http://localhost:" + port, "governor");
        JsonNode body = governor.await(plan, r -> r.status() == 200 && r.body().path("version").asInt() >= 34).body();
        assertThat(body.path("priorities").size()).isEqualTo(9);
        assertThat(body.path("sections").size()).isEqualTo(2);
        assertThat(body.path("actions").size()).isEqualTo(6);
        assertThat(body.path("rollUp").path("distribution").path("GREEN").asInt()).isEqualTo(2);
        assertThat(body.path("rollUp").path("distribution").path("AMBER").asInt()).isEqualTo(2);
        assertThat(body.path("rollUp").path("distribution").path("RED").asInt()).isEqualTo(1);
        JsonNode monitoring = governor.await("/api/schools/108520/monitoring", r -> r.body().size() == 7).body();
        monitoring.forEach(m -> {
            LocalDate on = LocalDate.parse(m.path("current").path("occurredOn").asText());
            assertThat(on).isBeforeOrEqualTo(today);
            assertThat(AcademicYear.containing(on)).isEqualTo(AcademicYear.containing(today));
        });
        assertThat(governor.await("/api/schools/108520/next-steps?status=ALL", r -> r.body().size() == 6).body().size())
                .isEqualTo(6);
        // every next step is due within four weeks of today, so a month on all six are overdue
        JsonNode flags = governor.get(plan + "/flags?on=" + today.plusDays(30)).body();
        assertThat(flags.path("overdueNextSteps").size()).isEqualTo(6);
        // the governor's challenges, one in each state, raised at a board meeting, a committee and a visit
        JsonNode challenges = governor.await("/api/schools/108520/challenges", r -> r.body().size() == 3).body();
        assertThat(challenges.findValuesAsText("status")).containsExactlyInAnyOrder("CLOSED", "ANSWERED", "OPEN");
        assertThat(challenges.findValuesAsText("raisedBy")).containsOnly("Demo Governor");
        assertThat(governor.get("/api/schools/108520/meetings").body().size()).isEqualTo(2);
        JsonNode schedule = governor.get(plan + "/schedule?on=" + today).body();
        assertThat(schedule.path("counts").path("PLANNED").asInt()).isEqualTo(2);
    }

    @Test
    void theYearIsTheOneContainingTodayWithHalfTermsOnTheModelsWeekdays() {
        DemoYear year = DemoYear.of(LocalDate.of(2026, 12, 4));
        assertThat(year.academicYear()).isEqualTo("2026-27");
        assertThat(year.calendar().problem()).isNull();
        assertThat(year.calendar().firstDay()).isEqualTo(LocalDate.of(2026, 9, 8)).matches(d -> d.getDayOfWeek()
                == LocalDate.of(2023, 9, 5).getDayOfWeek());
        assertThat(year.current()).hasToString("AUTUMN_2");
        assertThat(year.next()).hasToString("SPRING_1");
        assertThat(year.daysAgo(60)).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(DemoYear.calendar("2031-32").problem()).isNull();
    }

    @Test
    void earlyInSeptemberNothingFallsBeforeTheYearAndInAugustTheYearJustEndedIsShown() {
        DemoYear september = DemoYear.of(LocalDate.of(2027, 9, 3));
        assertThat(september.daysAgo(60)).isEqualTo(LocalDate.of(2027, 9, 1));
        assertThat(september.halfTermOf(september.daysAgo(60))).hasToString("AUTUMN_1");
        DemoYear august = DemoYear.of(LocalDate.of(2027, 8, 20));
        assertThat(august.academicYear()).isEqualTo("2026-27");
        assertThat(august.current()).hasToString("SUMMER_2");
        assertThat(august.next()).hasToString("SUMMER_2");
    }
}
