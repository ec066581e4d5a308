package school.evidence.command.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.PlanCommands.LinkPriorityToTrust;
import school.evidence.platform.web.slice.WebSliceTest;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TrustLinkController.class)
class TrustLinkControllerTest {

    private static final String PLAN = SCHOOL + "-2026-27";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aSeniorLeaderLinksAPriorityToTheTrustsButATrustOfficerCannot() throws Exception {
        String body = "{\"trustPlanId\":\"" + TRUST + "-2026-27\",\"trustPriority\":\"T1\"}";
        http.perform(json(post("/api/plans/" + PLAN + "/priorities/P1/trust-link"), body).with(as(TRUST_OFFICER)))
            .andExpect(problem(403));
        http.perform(json(post("/api/plans/" + PLAN + "/priorities/P1/trust-link"), "{\"trustPlanId\":\"x\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("trustPriority"));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/plans/" + PLAN + "/priorities/P1/trust-link"), body).with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.trustPriority").value("T1"));
        verify(commands).send(new LinkPriorityToTrust(PLAN, "P1", TRUST + "-2026-27", "T1"));
    }
}
