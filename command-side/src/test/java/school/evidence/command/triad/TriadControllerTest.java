package school.evidence.command.triad;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.command.CommandSender;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadCommands.FormTriad;
import school.evidence.kernel.triad.TriadCommands.RecordTriadReview;
import school.evidence.platform.web.slice.WebSliceTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(TriadController.class)
class TriadControllerTest {

    private static final String PLAN = SCHOOL + "-2025-26";

    @Autowired
    MockMvc http;
    @MockitoBean
    CommandSender commands;

    @Test
    void aTrustOfficerFormsATriadNamedFromItsNameAndYearAndASchoolLeaderCannot() throws Exception {
        String body = "{\"name\":\"North triad\",\"academicYear\":\"2025-26\",\"schools\":[\"108520\",\"100001\",\"100002\"]}";
        http.perform(json(post("/api/trusts/" + TRUST + "/triads"), body).with(as(SENIOR_LEADER)))
            .andExpect(problem(403));
        http.perform(json(post("/api/trusts/" + TRUST + "/triads"), body.replace("108520", "10852"))
                             .with(as(TRUST_OFFICER)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("schools[0]"));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/trusts/" + TRUST + "/triads"), body).with(as(TRUST_OFFICER)))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.triadId").value("north-triad-2025-26"));
        verify(commands).send(new FormTriad(TRUST, "north-triad-2025-26", "North triad", "2025-26",
                                            List.of("108520", "100001", "100002")));
    }

    @Test
    void theSchoolsLeadersRecordAReviewWithItsAgreedActionsButAGovernorCannot() throws Exception {
        String body = """
                {"trustId":"%s","triadId":"north-triad-2025-26","term":"SPRING","reviewedOn":"2026-02-10",
                 "reviewers":["Head, Castle View"],"focus":"Reading","findings":["Phonics is secure"],
                 "actions":[{"sectionId":"qoe","number":"4","title":"Guided reading","priorities":["P1"]}]}
                """.formatted(TRUST);
        http.perform(json(post("/api/plans/" + PLAN + "/triad-reviews"), body).with(as(GOVERNOR)))
            .andExpect(problem(403));
        http.perform(json(post("/api/plans/" + PLAN + "/triad-reviews"), body.replace("\"title\":\"Guided reading\",", ""))
                             .with(as(SENIOR_LEADER)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("actions[0].title"));
        verifyNoInteractions(commands);
        http.perform(json(post("/api/plans/" + PLAN + "/triad-reviews"), body).with(as(SENIOR_LEADER)))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.actionIds.length()").value(1));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).send(sent.capture());
        RecordTriadReview review = (RecordTriadReview) sent.getValue();
        assertThat(review.planId()).isEqualTo(PLAN);
        assertThat(review.term()).isEqualTo(Term.SPRING);
        assertThat(review.reviewedOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(review.actions()).singleElement()
                                    .satisfies(a -> assertThat(a.details().title()).isEqualTo("Guided reading"));
    }
}
