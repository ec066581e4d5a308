package school.evidence.query.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.SchoolScopes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

@WebSliceTest(PlanQueryController.class)
class PlanQueryControllerTest {

    private static final String PLAN = SCHOOL + "-2026-27";

    @Autowired
    MockMvc http;
    @MockitoBean
    PlanReads reads;
    @MockitoBean
    SchoolScopes scopes;

    @BeforeEach
    void planOfTheSchool() {
        given(scopes.schoolOfPlan(PLAN)).willReturn(Optional.of(SCHOOL));
    }

    private static PlanView plan(long version) {
        return new PlanView(PLAN, SCHOOL, "2026-27", "School improvement plan", "DRAFT", "2026-09-01T08:00:00Z",
                            null, null, null, version, List.of(), List.of(), List.of(), List.of(), null, null, null, null, null);
    }

    @Test
    void thePlanComesWithItsVersionAsTheETagToJudgeAgainst() throws Exception {
        given(reads.plan(PLAN, OfstedArea.Framework.EIF_2019, null)).willReturn(plan(7));
        http.perform(get("/api/plans/" + PLAN + "?framework=EIF_2019").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(header().string("ETag", "\"7\""))
            .andExpect(jsonPath("$.title").value("School improvement plan"))
            .andExpect(jsonPath("$.publishedAt").doesNotExist());
    }

    @Test
    void aPastVersionHasNoETag() throws Exception {
        Instant then = Instant.parse("2026-10-01T00:00:00Z");
        given(reads.plan(PLAN, null, then)).willReturn(plan(3));
        http.perform(get("/api/plans/" + PLAN + "?asOf=2026-10-01T00:00:00Z").with(as(SENIOR_LEADER)))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("ETag"));
    }

    @Test
    void aPlanNotRecordedIsNotFoundInWords() throws Exception {
        given(reads.plan(PLAN, null, null)).willThrow(Rejection.notFound("planId", "No plan " + PLAN));
        http.perform(get("/api/plans/" + PLAN).with(as(SENIOR_LEADER))).andExpect(problem(404));
    }

    @Test
    void flagsTakeTheDateAndStalenessAskedOrTheDefaults() throws Exception {
        http.perform(get("/api/plans/" + PLAN + "/flags?on=2026-12-01&staleAfterSchoolWeeks=4").with(as(SENIOR_LEADER)))
            .andExpect(status().isOk());
        verify(reads).flags(eq(PLAN), eq(LocalDate.of(2026, 12, 1)), eq(4), any(Caller.class));
        http.perform(get("/api/plans/" + PLAN + "/flags?staleAfterSchoolWeeks=60").with(as(SENIOR_LEADER)))
            .andExpect(problem(400));
    }

    @Test
    void theReviewIsOfAHalfTermInSchoolTimeUnlessAskedAsRecorded() throws Exception {
        http.perform(get("/api/plans/" + PLAN + "/reviews/AUTUMN_1?view=AS_RECORDED").with(as(GOVERNOR)))
            .andExpect(status().isOk());
        verify(reads).review(eq(PLAN), eq(HalfTerm.AUTUMN_1), eq(true), any(Caller.class));
        http.perform(get("/api/plans/" + PLAN + "/reviews/WINTER").with(as(GOVERNOR)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("halfTerm"));
    }

    @Test
    void aPlanOfNoSchoolOrOfAnotherIsNobodysToRead() throws Exception {
        given(scopes.schoolOfPlan("999999-2026-27")).willReturn(Optional.of(OTHER_SCHOOL));
        http.perform(get("/api/plans/999999-2026-27").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/plans/nothing-here/actions/a-1/timeline").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/plans/nothing-here").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/plans/" + PLAN).with(as(OPERATOR))).andExpect(problem(403));
        verifyNoInteractions(reads);
    }
}
