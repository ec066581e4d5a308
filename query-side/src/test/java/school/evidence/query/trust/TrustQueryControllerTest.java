package school.evidence.query.trust;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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

@WebSliceTest(TrustQueryController.class)
class TrustQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    TrustReads reads;

    @Test
    void aTrustOfficerSeesTheirTrustOnADay() throws Exception {
        given(reads.trust(TRUST, LocalDate.of(2026, 12, 1), null))
                .willReturn(new TrustView(TRUST, "North Trust", "TRUST", "2026-12-01", "2026-27", List.of(), null));
        http.perform(get("/api/trusts/" + TRUST + "?on=2026-12-01").with(as(TRUST_OFFICER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("North Trust"))
            .andExpect(jsonPath("$.asOf").doesNotExist());
    }

    @Test
    void anotherTrustAndSchoolStaffAreRefused() throws Exception {
        http.perform(get("/api/trusts/trust-south").with(as(TRUST_OFFICER))).andExpect(problem(403));
        http.perform(get("/api/trusts/" + TRUST).with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/trusts/" + TRUST + "?on=1st December").with(as(TRUST_OFFICER))).andExpect(problem(400));
        verifyNoInteractions(reads);
    }
}
