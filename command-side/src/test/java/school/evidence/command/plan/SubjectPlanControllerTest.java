package school.evidence.command.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.PlanCommands.AddSubjectAction;
import school.evidence.kernel.plan.PlanCommands.AddSubjectPlan;
import school.evidence.kernel.plan.SubjectPlanDetails;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(SubjectPlanController.class)
class SubjectPlanControllerTest {

    private static final String PLAN = SCHOOL + "-2026-27";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aSubjectLeaderAddsTheirPlanNamedByItsArea() throws Exception {
        http.perform(json(post("/api/plans/" + PLAN + "/subject-plans"),
                          "{\"area\":\"Design & Technology\",\"kind\":\"SUBJECT\",\"leader\":\"DT lead\"}")
                             .with(as(SUBJECT_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subjectPlanId").value("design-and-technology"));
        verify(commands).send(new AddSubjectPlan(PLAN, "design-and-technology", new SubjectPlanDetails(
                "Design & Technology", SubjectPlanDetails.Kind.SUBJECT, "DT lead", null)));
    }

    @Test
    void aSubjectActionNamesWhatItSupportsAndAGovernorCannotAddOne() throws Exception {
        String body = "{\"number\":\"1\",\"title\":\"Phonics catch-up\",\"supports\":[\"reading\"]}";
        http.perform(json(post("/api/plans/" + PLAN + "/subject-plans/english/actions"), body).with(as(GOVERNOR)))
            .andExpect(problem(403));
        http.perform(json(post("/api/plans/" + PLAN + "/subject-plans"), "{\"area\":\"English\",\"kind\":\"CLUB\","
                + "\"leader\":\"x\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(400));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/plans/" + PLAN + "/subject-plans/english/actions"), body).with(as(SUBJECT_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.subjectPlanId").value("english"));
        verify(commands).send(argThat((AddSubjectAction c) -> c.subjectPlanId().equals("english")
                && c.details().supports().equals(List.of("reading")) && c.number().equals("1")));
    }
}
