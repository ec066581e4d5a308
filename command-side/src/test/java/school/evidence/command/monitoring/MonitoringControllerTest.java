package school.evidence.command.monitoring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.platform.web.slice.WebSliceTest;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(MonitoringController.class)
class MonitoringControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/monitoring";
    private static final String BOOK_LOOK = """
            {"type":"BOOK_SCRUTINY","occurredOn":"2026-11-12","lead":"English lead",
             "focus":{"subject":"English","yearGroups":["Y4"],"pupilGroups":["DISADVANTAGED"]},
             "strengths":["Handwriting joined in most books"],"areasForDevelopment":["Extended writing is rare"],
             "workScrutiny":{"sampleSize":12},
             "nextSteps":[{"text":"Weekly extended write","owner":"Y4 team","dueOn":"2027-01-15"}]}""";
    private static final String GOVERNOR_VISIT = """
            {"type":"GOVERNOR_VISIT","occurredOn":"2026-11-12","lead":"Link governor",
             "governorVisit":{"governor":"J Carter","purpose":"Reading provision","priorityCode":"P1"}}""";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    SchoolScopes scopes;

    @Test
    void aSubjectLeaderRecordsABookLookWithItsOwnFields() throws Exception {
        http.perform(json(post(URL), BOOK_LOOK).with(as(SUBJECT_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/monitoring/")))
            .andExpect(jsonPath("$.activityId").isNotEmpty());
        verify(commands).send(argThat((RecordMonitoringActivity c) -> {
            assertThat(c.schoolUrn()).isEqualTo(SCHOOL);
            assertThat(c.type()).isEqualTo(MonitoringType.BOOK_SCRUTINY);
            assertThat(c.details().occurredOn()).isEqualTo(LocalDate.of(2026, 11, 12));
            assertThat(c.details().focus().pupilGroups()).containsExactly(PupilGroup.DISADVANTAGED);
            assertThat(c.details().specifics().workScrutiny().sampleSize()).isEqualTo(12);
            assertThat(c.details().nextSteps()).singleElement()
                                               .satisfies(s -> assertThat(s.owner()).isEqualTo("Y4 team"));
            return true;
        }));
    }

    @Test
    void aGovernorRecordsTheirVisitButNotALessonVisit() throws Exception {
        http.perform(json(post(URL), GOVERNOR_VISIT).with(as(GOVERNOR))).andExpect(status().isCreated());
        http.perform(json(post(URL), BOOK_LOOK.replace("BOOK_SCRUTINY", "LESSON_VISIT")).with(as(GOVERNOR)))
            .andExpect(problem(403));
        verify(commands).send(argThat((RecordMonitoringActivity c) -> c.type() == MonitoringType.GOVERNOR_VISIT));
    }

    @Test
    void aTrustOfficerRecordsOnlyExternalReviewsAtTheirTrustsSchools() throws Exception {
        http.perform(json(post(URL), GOVERNOR_VISIT).with(as(TRUST_OFFICER))).andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void aDateAsWordsAnUnknownTypeOrAMissingLeadIsRefused() throws Exception {
        http.perform(json(post(URL), BOOK_LOOK.replace("2026-11-12", "last Tuesday")).with(as(SUBJECT_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("occurredOn"));
        http.perform(json(post(URL), BOOK_LOOK.replace("BOOK_SCRUTINY", "COFFEE_MORNING")).with(as(SUBJECT_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("type"));
        http.perform(json(post(URL), BOOK_LOOK.replace("\"lead\":\"English lead\",", "")).with(as(SUBJECT_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("lead"));
        http.perform(json(post("/api/schools/" + OTHER_SCHOOL + "/monitoring"), BOOK_LOOK).with(as(SUBJECT_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void anAmendmentTakesTheRecordsShapeWithAReasonAndAnswersTheVersion() throws Exception {
        given(scopes.schoolOfRecord("visit-1", "MonitoringActivity")).willReturn(Optional.of(SCHOOL));
        given(commands.send(any())).willReturn(2);
        String amendment = BOOK_LOOK.replace("\"type\":\"BOOK_SCRUTINY\",", "")
                                    .replace("\"workScrutiny\"", "\"reason\":\"Sample was 14 books\",\"workScrutiny\"")
                                    .replace("\"sampleSize\":12", "\"sampleSize\":14");
        http.perform(json(post("/api/monitoring/visit-1/amendments"), amendment).with(as(SUBJECT_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.version").value(2));
        verify(commands).send(argThat((AmendMonitoringActivity c) -> {
            assertThat(c.reason()).isEqualTo("Sample was 14 books");
            assertThat(c.details().specifics().workScrutiny().sampleSize()).isEqualTo(14);
            return true;
        }));
    }

    @Test
    void anAmendmentWithoutAReasonOrByAGovernorIsRefused() throws Exception {
        given(scopes.schoolOfRecord("visit-1", "MonitoringActivity")).willReturn(Optional.of(SCHOOL));
        String amendment = BOOK_LOOK.replace("\"type\":\"BOOK_SCRUTINY\",", "");
        http.perform(json(post("/api/monitoring/visit-1/amendments"), amendment).with(as(SUBJECT_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        http.perform(json(post("/api/monitoring/visit-1/retraction"), "{\"reason\":\"Wrong school\"}")
                             .with(as(GOVERNOR)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void anAmendmentCannotChangeTheTypeAndARecordHasNoReasonYet() throws Exception {
        given(scopes.schoolOfRecord("visit-1", "MonitoringActivity")).willReturn(Optional.of(SCHOOL));
        String amendment = BOOK_LOOK.replace("\"workScrutiny\"", "\"reason\":\"Typo\",\"workScrutiny\"");
        http.perform(json(post("/api/monitoring/visit-1/amendments"), amendment).with(as(SUBJECT_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("type"))
            .andExpect(jsonPath("$.errors[0].message").value("cannot change: retract the record and record it again"));
        http.perform(json(post(URL), amendment).with(as(SUBJECT_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(commands);
    }
}
