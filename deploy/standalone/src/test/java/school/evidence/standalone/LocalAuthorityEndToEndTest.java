package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local authority is an owner of its own kind: its officer (an identity provider's {@code LA_OFFICER} for
 * {@code la:<id>}) registers it, its maintained schools join it, and it plans across them over several years with
 * money per school; its officer reads its plans and schools, and nobody else's, and no other trust's officer reads its.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.application.name=local-authority", "evidence.demo.enabled=false",
                              "evidence.store.in-memory=true"})
@Import(TestTokens.Provider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAuthorityEndToEndTest {

    private static final String LA = "city-of-sunderland";
    private static final String HYLTON = "320001";
    private static final String FORD = "320002";
    private static final String PENSHAW = "320003";

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        PermissionMatrixTest.signingKey(registry);
    }

    @LocalServerPort
    int port;

    private Api member(String user, List<String> memberships) {
        Map<String, Object> claims = TestTokens.usualClaims(user);
        claims.put("memberships", memberships);
        return Api.withToken("http://localhost:" + port, TestTokens.withClaims(claims));
    }

    @BeforeAll
    void theLocalAuthorityAndItsSchools() {
        Api officer = member("la-officer", List.of("LA_OFFICER@la:" + LA));
        Api head = member("head", List.of("SENIOR_LEADER@" + HYLTON, "SENIOR_LEADER@" + FORD, "SENIOR_LEADER@" + PENSHAW));
        assertThat(officer.postJson("/api/trusts", Map.of("trustId", LA, "name", "City of Sunderland",
                                                          "kind", "LOCAL_AUTHORITY")).status()).isEqualTo(201);
        for (String urn : List.of(HYLTON, FORD, PENSHAW)) {
            assertThat(head.postJson("/api/schools", Map.of("urn", urn, "name", "School " + urn)).status()).isEqualTo(201);
            assertThat(head.postJson("/api/trusts/" + LA + "/schools", Map.of("urn", urn, "phase", "IMPROVE",
                                                                           "joinedOn", "2024-09-01")).status())
                    .isEqualTo(201);
        }
    }

    @Test
    void aLocalAuthorityPlansAcrossItsSchoolsAndOnlyItsOfficersReadIt() throws Exception {
        Api officer = member("la-officer", List.of("LA_OFFICER@la:" + LA));
        Api otherTrust = member("trust-officer", List.of("TRUST_OFFICER@trust:north-star"));
        Api misplaced = member("confused", List.of("LA_OFFICER@" + HYLTON)); // an LA role tied to a school: nothing

        String plan = officer.post("/api/trusts/" + LA + "/plans", "{\"fromYear\":\"2025-26\",\"toYear\":\"2027-28\","
                + "\"title\":\"Sunderland school improvement strategy\"}").text("planId");
        String base = "/api/trusts/" + LA + "/plans/" + plan;
        assertThat(officer.post(base + "/priorities", "{\"code\":\"O1\",\"statement\":\"Raise attainment in reading "
                + "at KS2\"}").status()).isEqualTo(201);
        String action = "{\"number\":\"1.1\",\"title\":\"Reading leaders' network\",\"priorities\":[\"O1\"],"
                + "\"takingPart\":[%s],\"costPounds\":1500,\"costBasis\":\"PER_SCHOOL\",\"fundingSource\":\"Schools "
                + "Forum\",\"monitoredBy\":[\"Schools Forum\"],\"evaluatedBy\":[\"Education Improvement Board\"],"
                + "\"timescale\":{\"startsOn\":\"2025-09-01\",\"endsOn\":\"2027-07-20\",\"milestones\":[{\"dueOn\":"
                + "\"2026-07-17\",\"title\":\"Every school has a reading leader\"}]}}";
        Api.Reply outside = officer.post(base + "/actions", action.formatted("\"" + HYLTON + "\",\"999999\""));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.raw().body()).contains("takingPart", "Not a school of the trust: 999999");
        assertThat(officer.post(base + "/actions", action.formatted("\"" + HYLTON + "\",\"" + FORD + "\""))
                          .status()).isEqualTo(201);

        JsonNode read = officer.await(base, r -> r.status() == 200 && r.body().path("actions").size() == 1).body();
        JsonNode first = read.path("actions").get(0);
        assertThat(first.path("schools").findValuesAsText("urn")).containsExactly(HYLTON, FORD);
        assertThat(first.path("wholeCostPounds").asText()).isEqualTo("3000");
        assertThat(first.path("timescale").path("milestones").get(0).path("title").asText())
                .isEqualTo("Every school has a reading leader");
        JsonNode la = officer.await("/api/trusts/" + LA, r -> r.status() == 200
                && r.body().path("schools").size() == 3).body();
        assertThat(la.path("kind").asText()).isEqualTo("LOCAL_AUTHORITY");
        assertThat(officer.get("/api/schools/" + HYLTON + "/trust-actions").status()).isEqualTo(200);

        assertThat(otherTrust.get(base).status()).isEqualTo(403);
        assertThat(otherTrust.get("/api/trusts/" + LA).status()).isEqualTo(403);
        assertThat(misplaced.get(base).status()).isEqualTo(403);
        assertThat(member("la-officer-elsewhere", List.of("LA_OFFICER@la:durham")).get(base).status()).isEqualTo(403);
    }

    /** Issue 23's second acceptance: the LA-style sample plan, from CSV and from XLSX, read back cell by cell. */
    @Test
    void anLaStylePlanImportsFromCsvAndXlsxAndReadsBackEveryCell() throws Exception {
        Api officer = member("la-officer", List.of("LA_OFFICER@la:" + LA));
        byte[] csv = Files.readAllBytes(SAMPLE);
        List<Map<String, String>> rows = SampleRows.read(csv);
        Api.Reply fromCsv = officer.postBytes("/api/trusts/" + LA + "/plan-imports?fromYear=2026-27&toYear=2028-29"
                                           + "&title=City%20school%20improvement%20strategy", csv, "text/csv");
        assertThat(fromCsv.status()).as(fromCsv.raw().body()).isEqualTo(201);
        Api.Reply fromXlsx = officer.postBytes("/api/trusts/" + LA + "/plan-imports?fromYear=2027-28&toYear=2029-30"
                                            + "&title=City%20school%20improvement%20strategy", SampleRows.xlsx(rows), SampleRows.XLSX);
        assertThat(fromXlsx.status()).as(fromXlsx.raw().body()).isEqualTo(201);
        for (Api.Reply imported : List.of(fromCsv, fromXlsx)) {
            JsonNode plan = officer.await("/api/trusts/" + LA + "/plans/" + imported.text("planId"),
                                          r -> r.status() == 200 && r.body().path("actions").size() == 5).body();
            SampleRows.assertEveryCell(rows, plan);
        }

        // a school outside the LA, or a section row, is refused by row and column and nothing is written
        String bad = new String(csv, java.nio.charset.StandardCharsets.UTF_8).replace("320001; 320003", "320001; 999999")
                + "SECTION,,Attendance,,,,,,,,,,,,,,,,\n";
        Api.Reply refused = officer.postBytes("/api/trusts/" + LA + "/plan-imports?fromYear=2029-30&title=Bad", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().body()).contains("\"row\":8", "taking_part", "'999999' is not a school of the trust "
                + "or local authority", "\"row\":13", "has no sections");
        assertThat(officer.get("/api/trusts/" + LA + "/plans/" + LA + "-2029-30").status()).isEqualTo(404);
    }

    private static final Path SAMPLE = Path.of("../../command-side/src/test/resources/plan-templates/city-la-2025-28.csv");
}
