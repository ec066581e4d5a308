package school.evidence.command.selfevaluation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.RecordSelfEvaluation;
import school.evidence.platform.web.slice.WebSliceTest;

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

@WebSliceTest(SelfEvaluationController.class)
class SelfEvaluationControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/self-evaluations";
    private static final String ONE_RATING = """
            {"evaluatedOn":"2026-11-30","ratings":[{"coreElement":1,"standard":"1.1","rating":3,
             "evidenceNotes":"Curriculum maps in place for all subjects"}]}""";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aSeniorLeaderRecordsRatings() throws Exception {
        http.perform(json(post(URL), ONE_RATING).with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.evaluationId").isNotEmpty());
        verify(commands).send(argThat((RecordSelfEvaluation e) -> {
            assertThat(e.schoolUrn()).isEqualTo(SCHOOL);
            assertThat(e.ratings()).singleElement().satisfies(r -> assertThat(r.standard()).isEqualTo("1.1"));
            return true;
        }));
    }

    @Test
    void noRatingsOrARatingWrittenAsWordsIsRefused() throws Exception {
        http.perform(json(post(URL), "{\"evaluatedOn\":\"2026-11-30\",\"ratings\":[]}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("ratings"));
        http.perform(json(post(URL), ONE_RATING.replace("\"rating\":3", "\"rating\":\"good\""))
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400));
        verifyNoInteractions(commands);
    }

    @Test
    void aStandardTheToolkitLacksComesBackNamed() throws Exception {
        given(commands.send(any())).willThrow(Rejection.invalid("ratings", "The toolkit has no quality standard 1.9"));
        http.perform(json(post(URL), ONE_RATING).with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("ratings"))
            .andExpect(jsonPath("$.detail").value("The toolkit has no quality standard 1.9"));
    }

    @Test
    void governorsReadSelfEvaluationsButDoNotWriteThem() throws Exception {
        http.perform(json(post(URL), ONE_RATING).with(as(GOVERNOR))).andExpect(problem(403));
        verifyNoInteractions(commands);
    }
}
