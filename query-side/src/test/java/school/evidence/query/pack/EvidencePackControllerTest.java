package school.evidence.query.pack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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

@WebSliceTest(EvidencePackController.class)
class EvidencePackControllerTest {

    private static final String URL = "/api/schools/" + SCHOOL + "/evidence-pack?from=2026-09-01&to=2026-12-19";

    @Autowired
    MockMvc http;
    @MockitoBean
    EvidencePacks packs;

    @Test
    void eachFormatComesAsItsOwnNamedFile() throws Exception {
        org.bson.Document pack = new org.bson.Document("school", SCHOOL);
        given(packs.build(eq(SCHOOL), any(), any(), any(), any())).willReturn(pack);
        given(packs.render(eq(pack), any())).willReturn("pack".getBytes(StandardCharsets.UTF_8));
        http.perform(get(URL + "&format=PDF").with(as(GOVERNOR)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(header().string("Content-Disposition",
                                       "inline; filename=\"evidence-pack-" + SCHOOL + "-2026-09-01-2026-12-19.pdf\""));
        http.perform(get(URL + "&format=HTML").with(as(GOVERNOR)))
            .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/html")));
        http.perform(get(URL).with(as(GOVERNOR)))
            .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")));
        // no framework asked for: the packs choose the one in force for the period
        verify(packs, org.mockito.Mockito.times(3)).build(eq(SCHOOL), eq(LocalDate.of(2026, 9, 1)),
                                                          eq(LocalDate.of(2026, 12, 19)), eq(null), any());
        verify(packs).render(pack, EvidencePackController.Format.JSON);
    }

    @Test
    void aPackNeedsBothDatesAndAFormatWeMake() throws Exception {
        http.perform(get("/api/schools/" + SCHOOL + "/evidence-pack?from=2026-09-01").with(as(GOVERNOR)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("to"));
        http.perform(get(URL + "&format=DOCX").with(as(GOVERNOR)))
            .andExpect(problem(400)).andExpect(jsonPath("$.errors[0].field").value("format"));
        http.perform(get(URL.replace(SCHOOL, OTHER_SCHOOL)).with(as(GOVERNOR))).andExpect(problem(403));
        verifyNoInteractions(packs);
    }
}
