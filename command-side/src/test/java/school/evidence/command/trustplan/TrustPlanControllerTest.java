package school.evidence.command.trustplan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TrustPlanController.class)
class TrustPlanControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aTrustOfficerCreatesTheTrustsPlanOverYearsButNotAnotherTrusts() throws Exception {
        String body = "{\"fromYear\":\"2025-26\",\"toYear\":\"2027-28\",\"title\":\"Trust plan\"}";
        http.perform(json(post("/api/trusts/trust-south/plans"), body).with(as(TRUST_OFFICER))).andExpect(problem(403));
        http.perform(json(post("/api/trusts/" + TRUST + "/plans"), body).with(as(SENIOR_LEADER))).andExpect(problem(403));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/trusts/" + TRUST + "/plans"), body).with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.planId").value(TRUST + "-2025-26"));
        verify(commands).send(new CreateTrustPlan(TRUST + "-2025-26", TRUST, "Trust plan", "2025-26", "2027-28"));
    }

    @Test
    void anActionNamesTheSchoolsTakingPartByUrn() throws Exception {
        String url = "/api/trusts/" + TRUST + "/plans/" + TRUST + "-2025-26/actions";
        http.perform(json(post(url), "{\"number\":\"1\",\"title\":\"Phonics\",\"takingPart\":[\"Usworth\"]}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(400));
        verifyNoInteractions(commands);
        http.perform(json(post(url), "{\"number\":\"1\",\"title\":\"Phonics\",\"takingPart\":[\"" + SCHOOL + "\"]}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated());
        verify(commands).send(argThat((AddTrustAction a) -> a.takingPart().equals(List.of(SCHOOL))
                && a.details().title().equals("Phonics")));
    }

    @Test
    void aSchoolsSeniorLeaderJudgesItsOwnRagButAGovernorDoesNot() throws Exception {
        String url = "/api/schools/" + SCHOOL + "/trust-plans/" + TRUST + "-2025-26/actions/a1/rag";
        String body = "{\"halfTerm\":\"AUTUMN_2\",\"status\":\"AMBER\",\"rationale\":\"Training done\"}";
        http.perform(json(post(url), body).with(as(GOVERNOR))).andExpect(problem(403));
        http.perform(json(post("/api/schools/" + OTHER_SCHOOL + "/trust-plans/p/actions/a1/rag"), body)
                             .with(as(SENIOR_LEADER))).andExpect(problem(403));
        verifyNoInteractions(commands);
        http.perform(json(post(url), body).with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("AMBER"));
    }
}
