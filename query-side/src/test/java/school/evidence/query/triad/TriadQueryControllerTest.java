package school.evidence.query.triad;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.web.slice.WebSliceTest;

import java.time.LocalDate;
import java.util.List;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TriadQueryController.class)
class TriadQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    TriadReads reads;

    @Test
    void aTrustOfficerReadsTheTriadReviewsOnADaySchoolStaffCannot() throws Exception {
        http.perform(get("/api/trusts/" + TRUST + "/triads").with(as(SENIOR_LEADER))).andExpect(problem(403));
        verifyNoInteractions(reads);
        given(reads.forTrust(TRUST, LocalDate.of(2026, 3, 2))).willReturn(new TriadsView(
                TRUST, "North Star", "2026-03-02", 1, 0, 1, 1, List.of()));
        http.perform(get("/api/trusts/" + TRUST + "/triads?on=2026-03-02").with(as(TRUST_OFFICER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.overdue").value(1));
    }
}
