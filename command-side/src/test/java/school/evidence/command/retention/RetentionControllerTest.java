package school.evidence.command.retention;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionCommands.PlaceLegalHold;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.platform.web.slice.WebSliceTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.GOVERNOR;
import static school.evidence.platform.web.slice.WebSlice.OPERATOR;
import static school.evidence.platform.web.slice.WebSlice.SCHOOL;
import static school.evidence.platform.web.slice.WebSlice.SENIOR_LEADER;
import static school.evidence.platform.web.slice.WebSlice.as;
import static school.evidence.platform.web.slice.WebSlice.json;
import static school.evidence.platform.web.slice.WebSlice.problem;

@WebSliceTest(RetentionController.class)
class RetentionControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    RetentionJob job;
    @MockitoBean
    SchoolScopes scopes;

    private void activityAtSchool() {
        given(scopes.schoolOfRecord("visit-1", "MonitoringActivity")).willReturn(Optional.of(SCHOOL));
    }

    @Test
    void aSeniorLeaderPlacesAHoldWithAReason() throws Exception {
        activityAtSchool();
        http.perform(json(post("/api/monitoring/visit-1/legal-hold"), "{\"reason\":\"Complaint to governors\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.recordId").value("visit-1"))
            .andExpect(jsonPath("$.legalHold").value("placed"));
        verify(commands).send(new PlaceLegalHold("visit-1", RecordKind.MONITORING_ACTIVITY, "Complaint to governors"));
    }

    @Test
    void aHoldWithoutAReasonIsRefusedAndNothingIsSent() throws Exception {
        activityAtSchool();
        http.perform(json(post("/api/monitoring/visit-1/legal-hold"), "{\"reason\":\" \"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(commands);
    }

    @Test
    void aReleaseOfAHoldNeverPlacedIsAConflict() throws Exception {
        activityAtSchool();
        given(commands.send(any())).willThrow(Rejection.conflict("legalHold", "There is no legal hold to release"));
        http.perform(json(post("/api/monitoring/visit-1/legal-hold/release"), "{\"reason\":\"Closed\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(409))
            .andExpect(jsonPath("$.detail").value("There is no legal hold to release"));
    }

    @Test
    void aGovernorMayNotPlaceAHold() throws Exception {
        activityAtSchool();
        http.perform(json(post("/api/monitoring/visit-1/legal-hold"), "{\"reason\":\"x\"}").with(as(GOVERNOR)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void aRecordOfNoSchoolIsNobodysToHold() throws Exception {
        given(scopes.schoolOfRecord(any(), any())).willReturn(Optional.empty());
        http.perform(json(post("/api/challenges/nowhere/legal-hold"), "{\"reason\":\"x\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void onlyAnOperatorRunsTheScheduleNowAndWithoutSigningInNobodyDoes() throws Exception {
        given(job.run(any())).willReturn(new RetentionJob.Run(LocalDate.of(2026, 12, 3), 4, List.of("visit-9"),
                                                              List.of(), 0, List.of()));
        http.perform(post("/api/operations/retention-runs").with(as(OPERATOR)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.shredded[0]").value("visit-9"));
        http.perform(post("/api/operations/retention-runs").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(post("/api/operations/retention-runs")).andExpect(problem(401));
        verify(job, org.mockito.Mockito.times(1)).run(any());
        verify(commands, never()).send(any());
    }
}
