package school.evidence.command.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanId;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(PlanImportController.class)
class PlanImportControllerTest {

    private static final String PLAN = PlanId.of(SCHOOL, "2023-24");

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    PlanLookup plans;

    private static MockHttpServletRequestBuilder upload(String urn, String year, String type, byte[] file) {
        return post("/api/schools/" + urn + "/plan-imports").param("academicYear", year)
                                                            .param("title", "School improvement plan")
                                                            .contentType(type).content(file);
    }

    private static byte[] sample(String name) throws Exception {
        return PlanTemplateTest.sample(name).readAllBytes();
    }

    @Test
    void aSchoolsOwnPlanFileBecomesAPlanWithEveryPart() throws Exception {
        given(plans.find(PLAN)).willReturn(Optional.empty());
        http.perform(upload(SCHOOL, "2023-24", "text/csv", sample("usworth-colliery-2023-24.csv"))
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.planId").value(PLAN))
            .andExpect(jsonPath("$.priorities").value(15));
        verify(commands).send(new CreateImprovementPlan(PLAN, SCHOOL, "2023-24", "School improvement plan"));
        verify(commands, atLeast(16)).send(any());
    }

    @Test
    void aWorkbookIsReadLikeTheCsv() throws Exception {
        given(plans.find(PLAN)).willReturn(Optional.empty());
        byte[] xlsx = PlanTemplateTest.asWorkbook(PlanTemplateTest.sample("usworth-colliery-2023-24.csv"));
        http.perform(upload(SCHOOL, "2023-24", PlanImportController.XLSX, xlsx).with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.priorities").value(15));
    }

    @Test
    void aFileWithMistakesNamesEachRowAndColumnAndImportsNothing() throws Exception {
        http.perform(upload(SCHOOL, "2023-24", "text/csv", sample("malformed.csv")).with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].row").isNumber())
            .andExpect(jsonPath("$.errors[0].column").isNotEmpty());
        verifyNoInteractions(commands);
    }

    @Test
    void aYearThatAlreadyHasAPlanIsAConflict() throws Exception {
        given(plans.find(PLAN)).willReturn(Optional.of(new PlanLookup.PlanFacts(PLAN, SCHOOL, "2023-24", Set.of(),
                                                                                 Map.of())));
        http.perform(upload(SCHOOL, "2023-24", "text/csv", sample("usworth-colliery-2023-24.csv"))
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(409))
            .andExpect(jsonPath("$.errors[0].field").value("academicYear"));
        verifyNoInteractions(commands);
    }

    @Test
    void aBadYearAnUnreadableTypeOrAnotherSchoolIsRefused() throws Exception {
        byte[] csv = sample("usworth-colliery-2023-24.csv");
        http.perform(upload(SCHOOL, "2023/24", "text/csv", csv).with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("academicYear"));
        http.perform(upload(SCHOOL, "2023-24", "application/pdf", csv).with(as(SENIOR_LEADER)))
            .andExpect(problem(415));
        http.perform(upload(OTHER_SCHOOL, "2023-24", "text/csv", csv).with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(upload(SCHOOL, "2023-24", "text/csv", csv).with(as(SUBJECT_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }
}
