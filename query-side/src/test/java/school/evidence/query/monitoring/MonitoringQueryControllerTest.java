package school.evidence.query.monitoring;

import org.junit.jupiter.api.Test;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.platform.access.Caller;

import java.time.LocalDate;
import java.util.List;

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

@WebSliceTest(MonitoringQueryController.class)
class MonitoringQueryControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/monitoring";

    @Autowired
    MockMvc http;
    @MockitoBean
    MonitoringReads reads;

    @Test
    void theFiltersAndThePageReachTheReadAndTheTotalComesBackAsAHeader() throws Exception {
        given(reads.list(eq(SCHOOL), any(), any(), any(), any())).willReturn(new MonitoringReads.Listed(List.of(), 42));
        http.perform(get(URL + "?type=LESSON_VISIT&from=2026-09-01&to=2026-12-19&pupilGroup=SEND"
                         + "&includeRetracted=false&page=1&size=20").with(as(SUBJECT_LEADER)))
            .andExpect(status().isOk())
            .andExpect(header().string("X-Total-Count", "42"))
            .andExpect(jsonPath("$").isArray());
        verify(reads).list(eq(SCHOOL),
                           eq(new MonitoringFilter(MonitoringType.LESSON_VISIT, LocalDate.of(2026, 9, 1),
                                                   LocalDate.of(2026, 12, 19), null, PupilGroup.SEND, false)),
                           eq(null), eq(new MonitoringPage.Slice(1, 20)), any(Caller.class));
    }

    @Test
    void aBadDateATypeNotKnownOrAPageTooBigIsNamed() throws Exception {
        http.perform(get(URL + "?from=01/09/2026").with(as(SUBJECT_LEADER)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("from"));
        http.perform(get(URL + "?type=ASSEMBLY").with(as(SUBJECT_LEADER)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("type"));
        http.perform(get(URL + "?size=501").with(as(SUBJECT_LEADER))).andExpect(problem(400));
        verifyNoInteractions(reads);
    }

    @Test
    void nextStepsDefaultToOpenOnesAsOfToday() throws Exception {
        http.perform(get("/api/schools/" + SCHOOL + "/next-steps").with(as(GOVERNOR))).andExpect(status().isOk());
        verify(reads).nextSteps(eq(SCHOOL), eq("OPEN"), eq(null),
                                eq(LocalDate.now(java.time.ZoneId.of("Europe/London"))), any(Caller.class));
        http.perform(get("/api/schools/" + SCHOOL + "/next-steps?status=DONE").with(as(GOVERNOR)))
            .andExpect(problem(400));
    }

    @Test
    void anotherSchoolsMonitoringAndOperatorsAreRefused() throws Exception {
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/monitoring").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(get(URL).with(as(OPERATOR))).andExpect(problem(403));
        http.perform(get(URL).with(as(TRUST_OFFICER))).andExpect(problem(403));
        verifyNoInteractions(reads);
    }
}
