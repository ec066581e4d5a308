package school.evidence.query.governance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.web.slice.WebSliceTest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(GovernanceQueryController.class)
class GovernanceQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    ChallengeLog log;

    @Test
    void theMeetingsOfTheSchoolAreListed() throws Exception {
        given(log.meetings(SCHOOL)).willReturn(java.util.List.of(
                new Meeting("m-1", SCHOOL, "FULL_BOARD", null, "2026-11-20", "Autumn full governing board")));
        http.perform(get("/api/schools/" + SCHOOL + "/meetings").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].title").value("Autumn full governing board"));
    }

    @Test
    void theChallengeLogIsNarrowedAsAskedAndAsItStoodThen() throws Exception {
        http.perform(get("/api/schools/" + SCHOOL + "/challenges?priorityCode=P1&status=OPEN"
                         + "&asOf=2026-11-01T00:00:00Z").with(as(SUBJECT_LEADER)))
            .andExpect(status().isOk());
        verify(log).challenges(eq(SCHOOL), eq("P1"), eq(null), any(), eq(java.time.Instant.parse("2026-11-01T00:00:00Z")));
    }

    @Test
    void anUnknownStatusOrATimeWithoutAZoneIsRefused() throws Exception {
        http.perform(get("/api/schools/" + SCHOOL + "/challenges?status=MAYBE").with(as(GOVERNOR)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("status"));
        http.perform(get("/api/schools/" + SCHOOL + "/challenges?asOf=yesterday").with(as(GOVERNOR)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/challenges").with(as(GOVERNOR))).andExpect(problem(403));
        verifyNoInteractions(log);
    }
}
