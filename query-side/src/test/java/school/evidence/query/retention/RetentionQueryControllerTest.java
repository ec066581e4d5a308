package school.evidence.query.retention;

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

@WebSliceTest(RetentionQueryController.class)
class RetentionQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    RetentionRegister register;

    @Test
    void theRegisterIsTheSeniorLeadersAloneAndForTodayInTheSchoolsTimeZone() throws Exception {
        given(register.of(eq(SCHOOL), any())).willReturn(new RetentionView(
                SCHOOL, java.time.LocalDate.of(2026, 12, 3), java.util.Map.of("MonitoringActivity", 6),
                java.util.List.of(), java.util.List.of(), 3, java.util.List.of()));
        http.perform(get("/api/schools/" + SCHOOL + "/retention").with(as(SENIOR_LEADER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.shreddedCount").value(3))
            .andExpect(jsonPath("$.yearsByRecordType.MonitoringActivity").value(6));
        verify(register).of(SCHOOL, java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")));
        for (String who : java.util.List.of(GOVERNOR, SUBJECT_LEADER, TRUST_OFFICER, OPERATOR)) {
            http.perform(get("/api/schools/" + SCHOOL + "/retention").with(as(who))).andExpect(problem(403));
        }
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/retention").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(get("/api/schools/" + SCHOOL + "/retention")).andExpect(problem(401));
    }
}
