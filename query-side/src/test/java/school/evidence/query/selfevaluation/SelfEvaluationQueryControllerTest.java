package school.evidence.query.selfevaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

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

@WebSliceTest(SelfEvaluationQueryController.class)
class SelfEvaluationQueryControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/self-evaluations";

    @Autowired
    MockMvc http;
    @MockitoBean
    SelfEvaluations evaluations;

    /** A quality standard of core element 2, rated as given on a date. */
    private static final String STANDARD = school.evidence.kernel.selfevaluation.Toolkit.ELEMENTS.get(1).standards()
                                                                                             .keySet().iterator().next();

    private static SelfEvaluation on(String date, int rating) {
        return new SelfEvaluation("e-" + date, SCHOOL, date, "slt", date + "T16:00:00Z", List.of(
                new SelfEvaluation.Rating(2, STANDARD, "title", rating, "meaning", null, "Maps in place", null)));
    }

    @Test
    void theToolkitIsForEveryoneWhoReadsASchoolAndForOperators() throws Exception {
        http.perform(get("/api/self-evaluation/toolkit").with(as(OPERATOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.coreElements").isNotEmpty());
    }

    @Test
    void aStandardsHistoryFollowsItThroughEachEvaluation() throws Exception {
        given(evaluations.of(SCHOOL)).willReturn(List.of(on("2025-12-01", 2), on("2026-11-30", 3)));
        http.perform(get(URL + "/standards/2/" + STANDARD).with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.history[*].rating").value(org.hamcrest.Matchers.contains(2, 3)));
        http.perform(get(URL + "/latest").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.evaluatedOn").value("2026-11-30"));
    }

    @Test
    void aStandardTheToolkitLacksAndAnEmptyHistoryAreNotFound() throws Exception {
        given(evaluations.of(SCHOOL)).willReturn(List.of());
        http.perform(get(URL + "/standards/9/z").with(as(GOVERNOR))).andExpect(problem(404));
        http.perform(get(URL + "/latest").with(as(GOVERNOR))).andExpect(problem(404));
        http.perform(get(URL + "/standards/one/a").with(as(GOVERNOR))).andExpect(problem(400));
    }

    @Test
    void anotherSchoolsEvaluationsAreNotRead() throws Exception {
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/self-evaluations").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(get(URL).with(as(OPERATOR))).andExpect(problem(403));
        verifyNoInteractions(evaluations);
    }
}
