package school.evidence.command.body;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.body.BodyCommands.RegisterSchoolBody;
import school.evidence.kernel.body.BodyCommands.RegisterTrustBody;
import school.evidence.kernel.body.BodyKind;
import school.evidence.platform.web.slice.WebSliceTest;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(BodyController.class)
class BodyControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aSeniorLeaderRegistersTheSchoolsCommitteeAndGetsItsId() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/bodies"),
                          "{\"name\":\"Curriculum & Standards Committee\",\"kind\":\"COMMITTEE\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.bodyId").value("curriculum-and-standards-committee"));
        verify(commands).send(new RegisterSchoolBody(SCHOOL, "Curriculum & Standards Committee", BodyKind.COMMITTEE,
                                                     null));
    }

    @Test
    void aGovernorOrATrustOfficerCannotRegisterASchoolsBody() throws Exception {
        for (var role : java.util.List.of(GOVERNOR, TRUST_OFFICER)) {
            http.perform(json(post("/api/schools/" + SCHOOL + "/bodies"), "{\"name\":\"Board\",\"kind\":\"BOARD\"}")
                                 .with(as(role)))
                .andExpect(problem(403));
        }
        verifyNoInteractions(commands);
    }

    @Test
    void aTrustOfficerRegistersTheTrustsBoardButAnUnknownKindIsRefusedNamingIt() throws Exception {
        http.perform(json(post("/api/trusts/" + TRUST + "/bodies"), "{\"name\":\"Standards Board\",\"kind\":\"CLUB\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(400));
        http.perform(json(post("/api/trusts/" + TRUST + "/bodies"), "{\"kind\":\"BOARD\"}").with(as(TRUST_OFFICER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/trusts/" + TRUST + "/bodies"),
                          "{\"name\":\"Standards Board\",\"kind\":\"BOARD\",\"remit\":\"Holds heads to account\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.bodyId").value("standards-board"));
        verify(commands).send(new RegisterTrustBody(TRUST, "Standards Board", BodyKind.BOARD,
                                                    "Holds heads to account"));
    }
}
