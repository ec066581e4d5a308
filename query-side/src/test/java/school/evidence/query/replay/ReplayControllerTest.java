package school.evidence.query.replay;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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

@WebSliceTest(ReplayController.class)
class ReplayControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    ProjectionRebuild rebuild;

    @Test
    void anOperatorComparesAKnownProjectionAndHearsOfAnUnknownOne() throws Exception {
        given(rebuild.groups()).willReturn(List.of("plans", "monitoring"));
        given(rebuild.compare("plans")).willReturn(new ProjectionRebuild.Result("plans", 300, Map.of("plans", 2),
                                                                                List.of(), false));
        http.perform(post("/api/operations/projections/plans/comparison").with(as(OPERATOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.differences").isEmpty());
        http.perform(post("/api/operations/projections/gossip/rebuild").with(as(OPERATOR)))
            .andExpect(problem(404))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("plans")));
        verify(rebuild, org.mockito.Mockito.never()).rebuildAndSwap(any());
    }

    @Test
    void schoolStaffDoNotRebuildProjections() throws Exception {
        http.perform(post("/api/operations/projections/plans/rebuild").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(get("/api/operations/projections").with(as(GOVERNOR))).andExpect(problem(403));
        verifyNoInteractions(rebuild);
    }
}
