package school.evidence.command.plan;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.Rag;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(PlanController.class)
class PlanControllerTest {

    private static final String PLAN = PlanId.of(SCHOOL, "2026-27");
    private static final String RAG = """
            {"halfTerm":"AUTUMN_2","status":"AMBER","rationale":"Book looks show fluency work, not yet in Year 4"}""";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;
    @MockitoBean
    SchoolScopes scopes;

    @BeforeEach
    void planBelongsToTheSchool() {
        given(scopes.schoolOfPlan(PLAN)).willReturn(Optional.of(SCHOOL));
    }

    @Test
    void aPlanIsCreatedUnderItsYearAndLocated() throws Exception {
        http.perform(json(post("/api/schools/" + SCHOOL + "/plans"),
                          "{\"academicYear\":\"2026-27\",\"title\":\"School improvement plan\"}").with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/plans/" + PLAN))
            .andExpect(jsonPath("$.planId").value(PLAN));
        verify(commands).send(new CreateImprovementPlan(PLAN, SCHOOL, "2026-27", "School improvement plan"));
    }

    @Test
    void aPriorityCodeMustLookLikeP1() throws Exception {
        http.perform(json(post("/api/plans/" + PLAN + "/priorities"), "{\"code\":\"Reading\",\"statement\":\"x\"}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].message").value("must look like P1"));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/plans/" + PLAN + "/priorities"),
                          "{\"code\":\"P1\",\"statement\":\"Raise attainment in reading\",\"dueBy\":[\"SUMMER_2\"]}")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated());
        verify(commands).send(new AddPriority(PLAN, "P1", "Raise attainment in reading", Set.of(HalfTerm.SUMMER_2)));
    }

    @Test
    void aJudgementCarriesTheJudgeAndTheVersionReadAndAnswersTheNewETag() throws Exception {
        given(commands.send(any())).willReturn(8L);
        http.perform(json(post("/api/plans/" + PLAN + "/actions/a-1/rag"), RAG).header("If-Match", "\"7\"")
                             .with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated())
            .andExpect(header().string("ETag", "\"8\""))
            .andExpect(jsonPath("$.version").value(8));
        verify(commands).send(new JudgeActionRag(PLAN, "a-1", HalfTerm.AUTUMN_2, Rag.AMBER,
                                                 "Book looks show fluency work, not yet in Year 4", null,
                                                 SENIOR_LEADER, 7L));
    }

    @Test
    void aJudgementOnAStaleReadIsAConflictNamingIfMatch() throws Exception {
        given(commands.send(any())).willThrow(new CommandExecutionException(
                "stale", new ConflictingAggregateVersionException(PLAN, 7, 9)));
        http.perform(json(post("/api/plans/" + PLAN + "/actions/a-1/rag"), RAG).header("If-Match", "\"7\"")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(409))
            .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void anIfMatchThatIsNotAVersionOrAColourNotRagIsRefusedBeforeAnythingIsSent() throws Exception {
        http.perform(json(post("/api/plans/" + PLAN + "/actions/a-1/rag"), RAG).header("If-Match", "yesterday")
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        http.perform(json(post("/api/plans/" + PLAN + "/actions/a-1/rag"), RAG.replace("AMBER", "BLUE"))
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[0].field").value("status"));
        verifyNoInteractions(commands);
    }

    @Test
    void aNegativeCostAndAnOfstedActionNotLikeOA1AreNamed() throws Exception {
        http.perform(json(post("/api/plans/" + PLAN + "/actions"), """
                {"sectionId":"s-1","number":"1.1","title":"Phonics training","costPounds":-5,
                 "ofstedActions":["improve reading"]}""").with(as(SENIOR_LEADER)))
            .andExpect(problem(400))
            .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("costPounds", "ofstedActions[0]")));
        verifyNoInteractions(commands);
    }

    @Test
    void onlyTheSchoolsSeniorLeadersChangeItsPlan() throws Exception {
        for (String who : List.of(SUBJECT_LEADER, GOVERNOR, TRUST_OFFICER, OPERATOR)) {
            http.perform(json(post("/api/plans/" + PLAN + "/actions/a-1/rag"), RAG).with(as(who)))
                .andExpect(problem(403));
        }
        given(scopes.schoolOfPlan("108520-2019-20")).willReturn(Optional.empty());
        http.perform(json(post("/api/plans/108520-2019-20/actions/a-1/rag"), RAG).with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(json(post("/api/schools/" + OTHER_SCHOOL + "/plans"),
                          "{\"academicYear\":\"2026-27\",\"title\":\"Plan\"}").with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        verifyNoInteractions(commands);
    }
}
