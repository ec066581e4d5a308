package school.evidence.query.ledger;

import org.junit.jupiter.api.Test;
import school.evidence.kernel.Rejection;
import school.evidence.query.ledger.LedgerViews.Verification;

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

@WebSliceTest(LedgerController.class)
class LedgerControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL;

    @Autowired
    MockMvc http;
    @MockitoBean
    LedgerProofs proofs;

    @Test
    void aGovernorAsksWhetherTheLogVerifies() throws Exception {
        given(proofs.verify(SCHOOL)).willReturn(new Verification(SCHOOL, true, "All 120 events match checkpoint 120",
                                                                 120, 120, List.of()));
        http.perform(get(URL + "/ledger/verification").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.ok").value(true));
    }

    @Test
    void proofsNeedTheirNumbersAndSayWhatIsMissing() throws Exception {
        http.perform(get(URL + "/ledger/consistency-proof?first=10").with(as(GOVERNOR)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("second"));
        http.perform(get(URL + "/ledger/inclusion-proof?eventKey=x&treeSize=ten").with(as(GOVERNOR)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("treeSize"));
        given(proofs.latest(SCHOOL)).willThrow(Rejection.notFound("urn", "No checkpoint has been issued yet"));
        http.perform(get(URL + "/checkpoints/latest").with(as(GOVERNOR))).andExpect(problem(404));
    }

    @Test
    void anOperatorIssuesACheckpointButOnlyALeaderReadsTheFeed() throws Exception {
        http.perform(post(URL + "/checkpoints").with(as(OPERATOR))).andExpect(status().isCreated());
        verify(proofs).issue(SCHOOL);
        http.perform(post(URL + "/checkpoints").with(as(GOVERNOR))).andExpect(problem(403));
        http.perform(get(URL + "/ledger/feed").with(as(GOVERNOR))).andExpect(problem(403));
        http.perform(get(URL + "/ledger/feed?from=5&size=10").with(as(SENIOR_LEADER))).andExpect(status().isOk());
        verify(proofs).feed(SCHOOL, 5, 10);
    }
}
