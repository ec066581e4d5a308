package school.evidence.query.trustplan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TrustPlanQueryController.class)
class TrustPlanQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    TrustPlanReads reads;

    @Test
    void aTrustOfficerListsTheTrustsPlans() throws Exception {
        given(reads.plansOf(TRUST)).willReturn(List.of(new TrustPlanView.Summary(TRUST + "-2025-26", "Trust plan",
                                                                                 "2025-26", "2027-28", 2, "AMBER")));
        http.perform(get("/api/trusts/" + TRUST + "/plans").with(as(TRUST_OFFICER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].toYear").value("2027-28"));
    }

    @Test
    void schoolStaffReadTheirSchoolsPartNotTheTrustsWholePlan() throws Exception {
        given(reads.forSchool(SCHOOL)).willReturn(new TrustPlanView.ForSchool(SCHOOL, List.of()));
        http.perform(get("/api/schools/" + SCHOOL + "/trust-actions").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.actions").isEmpty());
        http.perform(get("/api/trusts/" + TRUST + "/plans/" + TRUST + "-2025-26").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/trust-actions").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
    }

    @Test
    void aPastViewNeedsAnInstantAndNothingIsReadOtherwise() throws Exception {
        http.perform(get("/api/trusts/" + TRUST + "/plans/" + TRUST + "-2025-26?asOf=last-week").with(as(TRUST_OFFICER)))
            .andExpect(problem(400))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                                                                                        .value("asOf"));
        verifyNoInteractions(reads);
    }

    @Test
    void anotherTrustsOfficerIsRefused() throws Exception {
        http.perform(get("/api/trusts/trust-south/plans").with(as(TRUST_OFFICER))).andExpect(problem(403));
        verifyNoInteractions(reads);
    }
}
