package school.evidence.query.backup;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.kernel.Rejection;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

/** The backups service stands in (it writes archives; BackupRestoreEndToEndTest drives the real one). */
@WebSliceTest(BackupController.class)
class BackupControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    Backups backups;

    @Test
    void anOperatorSeesTheArchivesAndWhereARestoredStoreCameFrom() throws Exception {
        given(backups.configured()).willReturn(true);
        given(backups.properties()).willReturn(new BackupProperties(java.nio.file.Path.of("/mnt/backups"), "-", 7, 7, 4,
                                                                    java.time.Duration.ofHours(36)));
        given(backups.age()).willReturn(Optional.of(java.time.Duration.ofMinutes(5)));
        given(backups.listed()).willReturn(List.of(new Backups.Listed("20261204T013000Z-full-1a2b3c4d", "full", 55, 1,
                                                                      60, "2026-12-04T01:30:00Z", 40_000)));
        given(backups.restoredFrom()).willReturn(Optional.of(new Backups.RestoredFrom(
                List.of("20261204T013000Z-full-1a2b3c4d"), 60, "2026-12-04T01:30:00Z", "2026-12-04T09:00:00Z")));
        http.perform(get("/api/operations/backups").with(as(OPERATOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.ageSeconds").value(300))
            .andExpect(jsonPath("$.archives[0].kind").value("full"))
            .andExpect(jsonPath("$.restoredFrom.lastPosition").value(60));
    }

    @Test
    void aBackupNowAnswersWhatWasWritten() throws Exception {
        given(backups.backUpNow()).willReturn(new Backups.Made("20261204T093000Z-incremental-5e6f7a8b", "incremental",
                                                               12, 61, 72, "2026-12-04T09:30:00Z", 9_000, 0.4));
        http.perform(post("/api/operations/backups").with(as(OPERATOR)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.events").value(12))
            .andExpect(jsonPath("$.fromPosition").value(61));
    }

    @Test
    void withoutABackupFolderABackupIsRefusedSayingWhatToSet() throws Exception {
        given(backups.backUpNow()).willThrow(new Rejection(Rejection.Kind.CONFLICT, null,
                                                           "No backup folder is set: set evidence.backup.folder"));
        http.perform(post("/api/operations/backups").with(as(OPERATOR)))
            .andExpect(problem(409))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("evidence.backup.folder")));
    }

    @Test
    void schoolStaffAndTrustsCannotTakeOrSeeBackups() throws Exception {
        http.perform(get("/api/operations/backups").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(post("/api/operations/backups").with(as(TRUST_OFFICER))).andExpect(problem(403));
        http.perform(post("/api/operations/backups/schools/108520").with(as(SENIOR_LEADER))).andExpect(problem(403));
        verifyNoInteractions(backups);
    }
}
