package school.evidence.command.governance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.governance.GovernanceCommands.AnswerChallenge;
import school.evidence.kernel.governance.GovernanceCommands.CloseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.RaiseChallenge;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.platform.web.slice.WebSliceTest;

import java.time.LocalDate;
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

@WebSliceTest(GovernanceController.class)
class GovernanceControllerTest {

    private static final String QUESTION = """
            {"planId":"plan-1","priorityCode":"P1","raisedOn":"2026-11-20","raisedBy":"Chair of governors",
             "question":"How do you know the new phonics scheme is working for disadvantaged pupils?"}""";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    SchoolScopes scopes;

    @Test
    void aGovernorRaisesAChallengeAndGetsItsNewId() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/challenges"), QUESTION).with(as(GOVERNOR)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.challengeId").isNotEmpty());
        verify(commands).send(argThat((RaiseChallenge c) -> {
            assertThat(c.schoolUrn()).isEqualTo(SCHOOL);
            assertThat(c.raisedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(c.question()).startsWith("How do you know");
            return true;
        }));
    }

    @Test
    void aChallengeWithoutAQuestionOrAtAnotherSchoolWritesNothing() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/challenges"),
                          "{\"planId\":\"plan-1\",\"raisedOn\":\"2026-11-20\",\"raisedBy\":\"Chair\"}")
                             .with(as(GOVERNOR)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("question"));
        http.perform(json(post("/api/schools/" + OTHER_SCHOOL + "/challenges"), QUESTION).with(as(GOVERNOR)))
            .andExpect(problem(403));
        http.perform(json(post("/api/schools/" + SCHOOL + "/challenges"), QUESTION).with(as(SUBJECT_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void aMeetingOfAnUnknownKindIsRefused() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/meetings"),
                          "{\"kind\":\"PARTY\",\"heldOn\":\"2026-11-20\",\"title\":\"Autumn FGB\"}").with(as(GOVERNOR)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("kind"));
        verifyNoInteractions(commands);
    }

    @Test
    void aSeniorLeaderAnswersInTheirOwnNameAndAGovernorMayNot() throws Exception {
        given(scopes.schoolOfRecord("ch-1", "Challenge")).willReturn(Optional.of(SCHOOL));
        http.perform(json(post("/api/challenges/ch-1/responses"), "{\"answer\":\"Phonics screening data\"}")
                             .with(as(GOVERNOR)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/challenges/ch-1/responses"), "{\"answer\":\"Phonics screening data\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated());
        verify(commands).send(new AnswerChallenge("ch-1", SENIOR_LEADER, "Phonics screening data"));
    }

    @Test
    void closingAChallengeSaysWhatChanged() throws Exception {
        given(scopes.schoolOfRecord("ch-1", "Challenge")).willReturn(Optional.of(SCHOOL));
        http.perform(json(post("/api/challenges/ch-1/closure"), "{}").with(as(GOVERNOR)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("whatChanged"));
        http.perform(json(post("/api/challenges/ch-1/closure"), "{\"whatChanged\":\"Catch-up groups added\"}")
                             .with(as(GOVERNOR)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.challengeId").value("ch-1"));
        verify(commands).send(new CloseChallenge("ch-1", "Catch-up groups added"));
    }
}
