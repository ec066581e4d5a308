package school.evidence.query.audit;

import org.junit.jupiter.api.Test;
import school.evidence.query.Paging;
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

@WebSliceTest(AuditQueryController.class)
class AuditQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    AuditTrail trail;

    @Test
    void aGovernorPagesThroughTheTrail() throws Exception {
        given(trail.page(SCHOOL, 2, 50)).willReturn(new Paging<>(120, 2, 50, java.util.List.of()));
        http.perform(get("/api/schools/" + SCHOOL + "/audit?page=2&size=50").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(120));
        verify(trail).page(SCHOOL, 2, 50);
    }

    @Test
    void aPageTooLargeOrNotANumberIsNamedAndNothingIsRead() throws Exception {
        http.perform(get("/api/schools/" + SCHOOL + "/audit?size=5000").with(as(GOVERNOR))).andExpect(problem(400));
        http.perform(get("/api/schools/" + SCHOOL + "/audit?page=first").with(as(GOVERNOR)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("page"));
        verifyNoInteractions(trail);
    }

    @Test
    void aTrustOfficerReadsTheTrustsTrailAndNoOtherTrusts() throws Exception {
        given(trail.pageOfTrust(TRUST, 0, 100)).willReturn(new Paging<>(3, 0, 100, java.util.List.of()));
        http.perform(get("/api/trusts/" + TRUST + "/audit").with(as(TRUST_OFFICER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(3));
        http.perform(get("/api/trusts/another-trust/audit").with(as(TRUST_OFFICER))).andExpect(problem(403));
        http.perform(get("/api/trusts/" + TRUST + "/audit").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/trusts/" + TRUST + "/audit").with(as(GOVERNOR))).andExpect(problem(403));
        verify(trail).pageOfTrust(TRUST, 0, 100);
    }

    @Test
    void subjectLeadersAndOtherSchoolsDoNotReadIt() throws Exception {
        http.perform(get("/api/schools/" + SCHOOL + "/audit").with(as(SUBJECT_LEADER))).andExpect(problem(403));
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/audit").with(as(SENIOR_LEADER))).andExpect(problem(403));
        verifyNoInteractions(trail);
    }
}
