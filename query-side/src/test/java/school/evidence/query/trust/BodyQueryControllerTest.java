package school.evidence.query.trust;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

@WebSliceTest(BodyQueryController.class)
class BodyQueryControllerTest {

    @Autowired
    MockMvc http;
    @MockitoBean
    BodyReads reads;

    private static final BodiesView COMMITTEE = new BodiesView(List.of(new BodiesView.Body(
            "curriculum-committee", "Curriculum Committee", "COMMITTEE", null, "SCHOOL", SCHOOL, "Usworth",
            "2026-12-01T09:00:00Z", List.of(new BodiesView.Naming(SCHOOL, SCHOOL + "-2026-27", "2026-27", "a1", "1",
                                                                  "Reading tutors", List.of("MONITORS"))))));

    @Test
    void aGovernorSeesTheSchoolsBodiesAndWhatEachMonitors() throws Exception {
        given(reads.forSchool(SCHOOL)).willReturn(COMMITTEE);
        http.perform(get("/api/schools/" + SCHOOL + "/bodies").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.bodies[0].name").value("Curriculum Committee"))
            .andExpect(jsonPath("$.bodies[0].remit").doesNotExist())
            .andExpect(jsonPath("$.bodies[0].namedIn[0].as[0]").value("MONITORS"));
    }

    @Test
    void anotherSchoolsStaffAndSchoolStaffOnTheTrustRouteAreRefused() throws Exception {
        http.perform(get("/api/schools/" + OTHER_SCHOOL + "/bodies").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/trusts/" + TRUST + "/bodies").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(get("/api/trusts/trust-south/bodies").with(as(TRUST_OFFICER))).andExpect(problem(403));
        verifyNoInteractions(reads);
    }

    @Test
    void aTrustOfficerSeesTheTrustsBodies() throws Exception {
        given(reads.forTrust(TRUST)).willReturn(new BodiesView(List.of()));
        http.perform(get("/api/trusts/" + TRUST + "/bodies").with(as(TRUST_OFFICER)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.bodies").isEmpty());
    }
}
