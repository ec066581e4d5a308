package school.evidence.query.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

/** The ledger here is empty: what the export says of someone never recorded, and who may ask. */
@WebSliceTest(SubjectAccessController.class)
class SubjectAccessControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/subject-access";

    @Autowired
    MockMvc http;
    @MockitoBean
    SubjectKeys keys;
    @MockitoBean(name = "eventSerializer")
    PersonalDataSerializer serializer;

    @Test
    void someoneNeverRecordedGetsAnEmptyExportThatSaysWhereItComesFrom() throws Exception {
        String subject = SubjectKeys.person(SCHOOL, "Jane Doe");
        given(keys.status(subject)).willReturn(SubjectKeys.Status.NONE);
        given(keys.existingKeyIdFor(subject)).willReturn(Optional.empty());
        given(keys.erasedKeyIdOf(subject)).willReturn(Optional.empty());
        http.perform(get(URL).param("person", "Jane Doe").param("userId", "jdoe@school.example").with(as(SENIOR_LEADER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.keyStatus").value("NONE"))
            .andExpect(jsonPath("$.recordsAbout").isEmpty())
            .andExpect(jsonPath("$.recordsBy").isEmpty())
            .andExpect(jsonPath("$.note").isNotEmpty());
    }

    @Test
    void aPersonMustBeNamedAndOnlyTheSchoolsSeniorLeadersAsk() throws Exception {
        http.perform(get(URL).param("person", " ").with(as(SENIOR_LEADER)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("person"));
        http.perform(get(URL).with(as(SENIOR_LEADER)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("person"));
        for (String who : List.of(GOVERNOR, SUBJECT_LEADER, TRUST_OFFICER, OPERATOR)) {
            http.perform(get(URL).param("person", "Jane Doe").with(as(who))).andExpect(problem(403));
        }
        verifyNoInteractions(keys);
    }
}
