package school.evidence.command.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.privacy.PrivacyCommands.RecordErasure;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

/** The ledger here is empty, so nobody is named in it: what is erased is the person's own key. */
@WebSliceTest(ErasureController.class)
@org.springframework.context.annotation.Import(ErasureWait.class) // no processors here: nothing to wait for
class ErasureControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/erasures";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    SubjectKeys keys;
    @MockitoBean(name = "eventSerializer")
    PersonalDataSerializer serializer;

    @Test
    void destroyingAPersonsKeyIsRecordedWithoutTheirName() throws Exception {
        String subject = SubjectKeys.person(SCHOOL, "Jane Doe");
        given(keys.status(subject)).willReturn(SubjectKeys.Status.ACTIVE);
        given(keys.erase(subject)).willReturn(Optional.of("key-7"));
        http.perform(json(post(URL), "{\"person\":\"Jane Doe\",\"reason\":\"Left the school; asked to be forgotten\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subjectKeyId").value("key-7"))
            .andExpect(jsonPath("$.stillReadable").isEmpty());
        verify(commands).send(argThat((RecordErasure e) -> {
            assertThat(e.schoolUrn()).isEqualTo(SCHOOL);
            assertThat(e.subjectKeyId()).isEqualTo("key-7");
            assertThat(e.recordKeyIds()).isEmpty();
            assertThat(e.toString()).doesNotContain("Jane");
            return true;
        }));
    }

    @Test
    void aRoleIsNotAPersonAndAReasonMustNotNameThem() throws Exception {
        http.perform(json(post(URL), "{\"person\":\"SENCo\",\"reason\":\"Asked\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("person"));
        http.perform(json(post(URL), "{\"person\":\"Jane Doe\",\"reason\":\"Jane Doe asked\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(keys, commands);
    }

    @Test
    void someoneNeverRecordedIsNotFoundAndNothingIsWritten() throws Exception {
        given(keys.status(SubjectKeys.person(SCHOOL, "Nobody Here"))).willReturn(SubjectKeys.Status.NONE);
        given(keys.erase(SubjectKeys.person(SCHOOL, "Nobody Here"))).willReturn(Optional.empty());
        http.perform(json(post(URL), "{\"person\":\"Nobody Here\",\"reason\":\"Request\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(404));
        verifyNoInteractions(commands);
    }

    @Test
    void onlyTheSchoolsSeniorLeadersErase() throws Exception {
        for (String who : List.of(GOVERNOR, SUBJECT_LEADER, TRUST_OFFICER, OPERATOR)) {
            http.perform(json(post(URL), "{\"person\":\"Jane Doe\",\"reason\":\"Request\"}").with(as(who)))
                .andExpect(problem(403));
        }
        http.perform(json(post("/api/schools/" + OTHER_SCHOOL + "/erasures"),
                          "{\"person\":\"Jane Doe\",\"reason\":\"Request\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(keys, commands);
    }
}
