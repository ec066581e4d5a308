package school.evidence.query.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.platform.access.SchoolScopes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.web.slice.WebSliceTest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(ScheduleQueryController.class)
class ScheduleQueryControllerTest {

    private static final String PLAN = SCHOOL + "-2026-27";

    @Autowired
    MockMvc http;
    @MockitoBean
    ScheduleReads reads;
    @MockitoBean
    SchoolScopes scopes;

    @BeforeEach
    void planOfTheSchool() {
        given(scopes.schoolOfPlan(PLAN)).willReturn(Optional.of(SCHOOL));
    }

    @Test
    void theScheduleIsAsOfTheDayAsked() throws Exception {
        given(reads.schedule(PLAN, LocalDate.of(2026, 12, 1)))
                .willReturn(new ScheduleView(PLAN, "2026-12-01", true, Map.of("OVERDUE", 2), List.of()));
        http.perform(get("/api/plans/" + PLAN + "/schedule?on=2026-12-01").with(as(SUBJECT_LEADER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.counts.OVERDUE").value(2));
    }

    @Test
    void coverageIsOfATermOrHalfTermNamedAsTheSchoolNamesThem() throws Exception {
        http.perform(get("/api/plans/" + PLAN + "/coverage?halfTerm=SPRING_1").with(as(GOVERNOR)))
            .andExpect(status().isOk());
        verify(reads).coverage(PLAN, null, HalfTerm.SPRING_1, null);
        http.perform(get("/api/plans/" + PLAN + "/coverage?term=WINTER").with(as(GOVERNOR)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("term"));
        http.perform(get("/api/plans/" + PLAN + "/schedule?on=tomorrow").with(as(GOVERNOR))).andExpect(problem(400));
    }

    @Test
    void trustOfficersOfNoTrustOfTheSchoolAndOperatorsAreRefused() throws Exception {
        http.perform(get("/api/plans/" + PLAN + "/schedule").with(as(TRUST_OFFICER))).andExpect(problem(403));
        http.perform(get("/api/plans/" + PLAN + "/schedule").with(as(OPERATOR))).andExpect(problem(403));
        verifyNoInteractions(reads);
    }
}
