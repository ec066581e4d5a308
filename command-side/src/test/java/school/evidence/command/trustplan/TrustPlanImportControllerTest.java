package school.evidence.command.trustplan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import school.evidence.command.CommandSender;
import school.evidence.command.trust.TrustMembers;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TrustPlanImportController.class)
class TrustPlanImportControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    TrustMembers trusts;
    @MockitoBean
    TrustPlanLookup plans;

    private static MockHttpServletRequestBuilder upload(byte[] file) {
        return post("/api/trusts/" + TRUST + "/plan-imports").param("fromYear", "2026-27").param("toYear", "2028-29")
                                                            .param("title", "Trust plan").contentType("text/csv")
                                                            .content(file);
    }

    private static byte[] sample() throws Exception {
        try (var in = TrustPlanImportControllerTest.class.getResourceAsStream("/plan-templates/wearside-trust-2026-29.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTrustOfficerImportsTheTrustsPlanWithTheSchoolsTakingPartAndASchoolLeaderCannot() throws Exception {
        http.perform(upload(sample()).with(as(SENIOR_LEADER))).andExpect(problem(403));
        given(trusts.of(TRUST)).willReturn(Optional.of(Set.of("108520", "108999")));
        given(plans.find(any())).willReturn(Optional.empty());
        http.perform(upload(sample()).with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.planId").value(TRUST + "-2026-27"))
            .andExpect(jsonPath("$.actions").value(2));
        verify(commands).send(new CreateTrustPlan(TRUST + "-2026-27", TRUST, "Trust plan", "2026-27", "2028-29"));
        verify(commands).send(argThat((Object c) -> c instanceof AddTrustAction a && a.number().equals("1")
                && a.takingPart().equals(List.of("108520", "108999"))
                && a.details().timescale().milestones().size() == 1));
        verify(commands).send(argThat((Object c) -> c instanceof AddTrustAction a && a.number().equals("2")
                && a.takingPart().isEmpty()));
        verify(commands, times(5)).send(any());
    }

    @Test
    void aSchoolOutsideTheTrustIsReportedByRowAndColumnAndNothingIsSent() throws Exception {
        given(trusts.of(TRUST)).willReturn(Optional.of(Set.of("108520")));
        http.perform(upload(sample()).with(as(TRUST_OFFICER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].row").value(4))
            .andExpect(jsonPath("$.errors[0].column").value("taking_part"));
        verifyNoInteractions(commands);
    }
}
