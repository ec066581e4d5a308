package school.evidence.command.school;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolCommands.SetSchoolCalendar;
import school.evidence.platform.web.slice.WebSliceTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(SchoolController.class)
class SchoolControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aSeniorLeaderRegistersTheirSchool() throws Exception {
        http.perform(json(post("/api/schools"), "{\"urn\":\"" + SCHOOL + "\",\"name\":\"Riverside Primary\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/schools/" + SCHOOL))
            .andExpect(jsonPath("$.urn").value(SCHOOL));
        verify(commands).send(new RegisterSchool(SCHOOL, "Riverside Primary"));
    }

    @Test
    void aSchoolTheLeaderDoesNotBelongToIsRefused() throws Exception {
        http.perform(json(post("/api/schools"), "{\"urn\":\"" + OTHER_SCHOOL + "\",\"name\":\"Elsewhere\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(json(post("/api/schools"), "{\"urn\":\"" + SCHOOL + "\",\"name\":\"Riverside\"}")
                             .with(as(SUBJECT_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }

    @Test
    void aUrnThatIsNotSixDigitsAndAnUnknownFieldAreNamed() throws Exception {
        http.perform(json(post("/api/schools"), "{\"urn\":\"10852\",\"name\":\"Riverside\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("urn"))
            .andExpect(jsonPath("$.errors[0].message").value("must be exactly six digits"));
        http.perform(json(post("/api/schools"), "{\"urn\":\"" + SCHOOL + "\",\"name\":\"R\",\"ofsted\":\"good\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400));
        verifyNoInteractions(commands);
    }

    @Test
    void theCalendarIsSentWithItsHalfTerms() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/calendars"), """
                {"academicYear":"2026-27","halfTerms":{"AUTUMN_1":{"start":"2026-09-03","end":"2026-10-23"}}}""")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.academicYear").value("2026-27"));
        verify(commands).send(argThat((SetSchoolCalendar c) -> {
            assertThat(c.urn()).isEqualTo(SCHOOL);
            assertThat(c.calendar().academicYear()).isEqualTo("2026-27");
            return true;
        }));
    }

    @Test
    void aYearWrittenWronglyOrAnotherSchoolsCalendarIsRefused() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/calendars"),
                          "{\"academicYear\":\"2026/27\",\"halfTerms\":{}}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400));
        http.perform(json(post("/api/schools/" + OTHER_SCHOOL + "/calendars"),
                          "{\"academicYear\":\"2026-27\",\"halfTerms\":{\"AUTUMN_1\":{\"start\":\"2026-09-03\","
                          + "\"end\":\"2026-10-23\"}}}").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        verify(commands, org.mockito.Mockito.never()).send(any());
    }
}
