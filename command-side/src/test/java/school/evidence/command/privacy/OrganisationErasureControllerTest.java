package school.evidence.command.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.privacy.PrivacyCommands.RecordOrganisationErasure;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

/** The ledger here is empty: what is erased is the person's key for the trust's own records. */
@WebSliceTest(OrganisationErasureController.class)
@org.springframework.context.annotation.Import(ErasureWait.class) // no processors here: nothing to wait for
class OrganisationErasureControllerTest {

    private static final String URL = "/api/trusts/" + TRUST + "/erasures";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    SubjectKeys keys;
    @MockitoBean(name = "eventSerializer")
    PersonalDataSerializer serializer;

    @Test
    void theTrustsOfficerErasesAPersonFromTheTrustsRecordsByKeyNotByName() throws Exception {
        String subject = SubjectKeys.person(SubjectKeys.organisation(TRUST), "Jane Doe");
        given(keys.status(subject)).willReturn(SubjectKeys.Status.ACTIVE);
        given(keys.erase(any())).willReturn(Optional.empty());
        given(keys.erase(subject)).willReturn(Optional.of("key-9"));
        http.perform(json(post(URL), "{\"person\":\"Jane Doe\",\"reason\":\"Former adviser asked to be forgotten\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subjectKeyIds[0]").value("key-9"));
        verify(commands).send(argThat((RecordOrganisationErasure e) -> {
            assertThat(e.trustId()).isEqualTo(TRUST);
            assertThat(e.subjectKeyIds()).containsExactly("key-9");
            assertThat(e.toString()).doesNotContain("Jane");
            return true;
        }));
    }

    @Test
    void aRoleIsRefusedAndSomeoneNeverNamedIsNotFoundWithNothingWritten() throws Exception {
        http.perform(json(post(URL), "{\"person\":\"Trust lead\",\"reason\":\"Asked\"}").with(as(TRUST_OFFICER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("person"));
        given(keys.status(any())).willReturn(SubjectKeys.Status.NONE);
        given(keys.erase(any())).willReturn(Optional.empty());
        http.perform(json(post(URL), "{\"person\":\"Nobody Here\",\"reason\":\"Request\"}").with(as(TRUST_OFFICER)))
            .andExpect(problem(404))
            .andExpect(jsonPath("$.errors[0].field").value("person"));
        verifyNoInteractions(commands);
    }

    @Test
    void onlyTheTrustsOwnOfficersErase() throws Exception {
        for (String who : List.of(SENIOR_LEADER, GOVERNOR, SUBJECT_LEADER, OPERATOR)) {
            http.perform(json(post(URL), "{\"person\":\"Jane Doe\",\"reason\":\"Request\"}").with(as(who)))
                .andExpect(problem(403));
        }
        http.perform(json(post("/api/trusts/another-trust/erasures"), "{\"person\":\"Jane Doe\",\"reason\":\"Request\"}")
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(403));
        verifyNoInteractions(keys, commands);
    }
}
