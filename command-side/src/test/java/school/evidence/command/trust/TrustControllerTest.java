package school.evidence.command.trust;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.trust.TrustCommands.AddSchoolToTrust;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.RegisterTrust;
import school.evidence.platform.web.slice.WebSliceTest;

import java.time.LocalDate;
import java.util.List;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TrustController.class)
class TrustControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aTrustOfficerRegistersTheirTrustButNoOther() throws Exception {
        http.perform(json(post("/api/trusts"), "{\"trustId\":\"" + TRUST + "\",\"name\":\"North Trust\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.trustId").value(TRUST));
        verify(commands).send(new RegisterTrust(TRUST, "North Trust"));
        http.perform(json(post("/api/trusts"), "{\"trustId\":\"trust-south\",\"name\":\"South\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(403));
    }

    @Test
    void aTrustIdWithCapitalsOrSpacesIsRefusedInPlainWords() throws Exception {
        http.perform(json(post("/api/trusts"), "{\"trustId\":\"North Trust\",\"name\":\"North\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].message").value("use lower-case letters, digits and dashes"));
        verifyNoInteractions(commands);
    }

    @Test
    void onlyTheSchoolsOwnSeniorLeaderJoinsItToATrust() throws Exception {
        String body = "{\"urn\":\"" + SCHOOL + "\",\"phase\":\"IMPROVE\",\"joinedOn\":\"2026-09-01\"}";
        http.perform(json(post("/api/trusts/" + TRUST + "/schools"), body).with(as(TRUST_OFFICER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/trusts/" + TRUST + "/schools"), body).with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.urn").value(SCHOOL));
        verify(commands).send(new AddSchoolToTrust(TRUST, SCHOOL, ImprovementPhase.IMPROVE,
                                                   LocalDate.of(2026, 9, 1), null));
    }

    @Test
    void aPhaseChangeNeedsAKnownPhaseAndAReason() throws Exception {
        String url = "/api/trusts/" + TRUST + "/schools/" + SCHOOL + "/phase";
        http.perform(json(post(url), "{\"phase\":\"THRIVE\",\"effectiveOn\":\"2026-12-01\",\"reason\":\"Review\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(400));
        http.perform(json(post(url), "{\"phase\":\"SUSTAIN\",\"effectiveOn\":\"2026-12-01\"}").with(as(TRUST_OFFICER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(commands);
        http.perform(json(post(url), "{\"phase\":\"SUSTAIN\",\"effectiveOn\":\"2026-12-01\",\"reason\":\"Good review\","
                                     + "\"indicativeMeasures\":[\"Ofsted grade 2\"]}").with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.phase").value("SUSTAIN"));
        verify(commands).send(new ChangeImprovementPhase(TRUST, SCHOOL, ImprovementPhase.SUSTAIN,
                                                         LocalDate.of(2026, 12, 1), "Good review",
                                                         List.of("Ofsted grade 2")));
    }

    @Test
    void aSchoolLeaderCannotChangeATrustsPhaseForTheirSchool() throws Exception {
        http.perform(json(post("/api/trusts/" + TRUST + "/schools/" + SCHOOL + "/phase"),
                          "{\"phase\":\"SUSTAIN\",\"effectiveOn\":\"2026-12-01\",\"reason\":\"We are fine\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }
}
