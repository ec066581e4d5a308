package school.evidence.command.plan;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import school.evidence.kernel.plan.Timescale;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTemplateTest {

    static InputStream sample(String name) {
        return PlanTemplateTest.class.getResourceAsStream("/plan-templates/" + name);
    }

    /** The same template as an XLSX workbook, cell for cell, the way a school's spreadsheet would hold it. */
    static byte[] asWorkbook(InputStream csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Plan");
            int r = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
                XSSFRow row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c);
                    if (!value.isEmpty() && value.matches("\\d+(\\.\\d+)?") && r > 1) {
                        row.createCell(c).setCellValue(Double.parseDouble(value)); // numbers as numbers, as Excel would
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theSamplePlanImportsCleanlyFromCsv() throws IOException {
        PlanTemplate.Result result = PlanTemplate.readCsv(sample("usworth-colliery-2023-24.csv"));
        assertThat(result.problems()).isEmpty();
        PlanTemplate.Plan plan = result.plan();
        assertThat(plan.priorities()).hasSize(15);
        assertThat(plan.priorities().get(2).dueBy()).containsExactly(HalfTerm.AUTUMN_2, HalfTerm.SPRING_2, HalfTerm.SUMMER_2);
        assertThat(plan.sections()).extracting(PlanTemplate.Section::title)
                                   .containsExactly("Teaching, learning and assessment", "Achievement and progress");
        assertThat(plan.sections().get(0).ofstedAreas()).containsExactlyInAnyOrder(
                OfstedArea.QUALITY_OF_EDUCATION, OfstedArea.EARLY_YEARS, OfstedArea.LEADERSHIP_AND_MANAGEMENT);
        assertThat(plan.actions()).hasSize(12);
        PlanTemplate.Action reading = plan.actions().get(2);
        assertThat(reading.details().priorities()).containsExactly("P1", "P2", "P4");
        assertThat(reading.details().ofstedActions()).containsExactly("OA3");
        assertThat(reading.details().costPounds()).isEqualByComparingTo(new BigDecimal("2500.00"));
        assertThat(reading.details().leads()).containsExactly("DHT", "English Leader");
        assertThat(plan.criteria()).hasSize(30);
        assertThat(plan.criteria().stream().filter(c -> c.text().startsWith("Pupils are assessed in line"))
                       .findFirst().orElseThrow().halfTerms()).hasSize(6); // "Autumn Spring Summer": whole terms
    }

    @Test
    void theSameTemplateImportsFromAnXlsxWorkbook() throws IOException {
        PlanTemplate.Plan fromCsv = PlanTemplate.readCsv(sample("usworth-colliery-2023-24.csv")).plan();
        PlanTemplate.Result fromXlsx = PlanTemplate.readXlsx(new ByteArrayInputStream(
                asWorkbook(sample("usworth-colliery-2023-24.csv"))));
        assertThat(fromXlsx.problems()).isEmpty();
        assertThat(fromXlsx.plan().priorities()).isEqualTo(fromCsv.priorities());
        assertThat(fromXlsx.plan().sections()).isEqualTo(fromCsv.sections());
        assertThat(fromXlsx.plan().criteria()).isEqualTo(fromCsv.criteria());
        assertThat(fromXlsx.plan().actions()).extracting(a -> a.details().costPounds() == null ? null
                                                                 : a.details().costPounds().stripTrailingZeros())
                                             .isEqualTo(fromCsv.actions().stream().map(a -> a.details().costPounds() == null
                                                     ? null : a.details().costPounds().stripTrailingZeros()).toList());
    }

    @Test
    void aMalformedTemplateReportsEveryErrorByRowAndColumn() throws IOException {
        PlanTemplate.Result result = PlanTemplate.readCsv(sample("malformed.csv"));
        assertThat(result.plan()).isNull();
        assertThat(result.problems()).extracting(p -> p.row() + ":" + p.column()).containsExactly(
                "2:code", "3:half_terms", "5:cost");
        assertThat(result.problems().get(1).message()).contains("not a list of half-terms");
        assertThat(result.problems().get(2).message()).contains("not a number of pounds");
        PlanTemplate.Result xlsx = PlanTemplate.readXlsx(new ByteArrayInputStream(asWorkbook(sample("malformed.csv"))));
        assertThat(xlsx.problems()).extracting(p -> p.row() + ":" + p.column())
                                   .containsExactly("2:code", "3:half_terms", "5:cost");
    }

    @Test
    void refusesUnknownColumnsKindsAndDanglingReferences() throws IOException {
        String csv = """
                kind,code,section,number,text,half_terms,colour
                PRIORITY,P1,,,Teaching,Summer 2,red
                """;
        assertThat(PlanTemplate.readCsv(stream(csv)).problems()).extracting(PlanTemplate.Problem::column)
                                                              .containsExactly("colour");
        String dangling = """
                kind,code,section,number,text,half_terms,priorities
                PRIORITY,P1,,,Teaching,Summer 2,
                MEETING,,,,x,,
                ACTION,,Nowhere,1,Reading,,P9
                CRITERION,,Teaching,7,Shared,Autumn 1,
                """;
        assertThat(PlanTemplate.readCsv(stream(dangling)).problems()).extracting(p -> p.row() + ":" + p.column())
                .containsExactly("3:kind", "4:section", "4:priorities", "5:number");
    }

    private static final String MULTI_YEAR = """
            kind,code,section,number,text,half_terms,priorities,starts_on,ends_on,due_on,criteria
            PRIORITY,P1,,,Reading for pleasure,Summer 2,,,,,
            SECTION,,Reading,,Every pupil reads widely,,,,,,
            ACTION,,Reading,1,Reading spine in every class,,P1,2025-09-01,21/07/2028,,
            MILESTONE,,Reading,1,Library restocked,,,,,31 March 2026,Every class borrows weekly; Book club runs
            MILESTONE,,Reading,1,Staff trained,,,,,2025-12-19,All staff attended phonics CPD
            ACTION,,Reading,2,Reading ambassadors,,P1,1 September 2025,ongoing,,
            MILESTONE,,Reading,2,Ambassadors reviewed,,,,,2030-07-01,
            ACTION,,Reading,3,Parents' workshops,,P1,,,,
            """;

    @Test
    void actionsRunOverYearsWithMilestonesFromCsvAndXlsxAlike() throws IOException {
        PlanTemplate.Result csv = PlanTemplate.readCsv(stream(MULTI_YEAR));
        assertThat(csv.problems()).isEmpty();
        List<PlanTemplate.Action> actions = csv.plan().actions();
        assertThat(actions.get(0).details().timescale()).isEqualTo(new Timescale(
                LocalDate.of(2025, 9, 1), LocalDate.of(2028, 7, 21), false, List.of(
                new Timescale.Milestone(LocalDate.of(2025, 12, 19), "Staff trained",
                                        List.of("All staff attended phonics CPD")),
                new Timescale.Milestone(LocalDate.of(2026, 3, 31), "Library restocked",
                                        List.of("Every class borrows weekly", "Book club runs")))));
        assertThat(actions.get(1).details().timescale()).isEqualTo(new Timescale(
                LocalDate.of(2025, 9, 1), null, true,
                List.of(new Timescale.Milestone(LocalDate.of(2030, 7, 1), "Ambassadors reviewed", List.of()))));
        assertThat(actions.get(2).details().timescale()).isNull();
        PlanTemplate.Result xlsx = PlanTemplate.readXlsx(new ByteArrayInputStream(asWorkbook(stream(MULTI_YEAR))));
        assertThat(xlsx.problems()).isEmpty();
        assertThat(xlsx.plan().actions()).isEqualTo(actions);
    }

    @Test
    void aMilestoneOutsideItsActionOrUndatedOrOrphanedIsReportedByRowAndColumn() throws IOException {
        String csv = """
                kind,code,section,number,text,half_terms,starts_on,ends_on,due_on
                SECTION,,Reading,,Every pupil reads widely,,,,
                ACTION,,Reading,1,Reading spine,,2025-09-01,2026-07-21,
                MILESTONE,,Reading,1,Too late,,,,2026-09-30
                MILESTONE,,Reading,1,No date,,,,
                MILESTONE,,Reading,7,Orphan,,,,2026-01-01
                ACTION,,Reading,2,Backwards,,2026-09-01,2025-09-01,
                ACTION,,Reading,3,Not a date,,next year,,
                """;
        PlanTemplate.Result result = PlanTemplate.readCsv(stream(csv));
        assertThat(result.plan()).isNull();
        assertThat(result.problems()).extracting(p -> p.row() + ":" + p.column())
                                     .containsExactly("4:due_on", "5:due_on", "6:number", "7:ends_on", "8:starts_on");
        assertThat(result.problems().get(0).message()).contains("outside its action's span");
    }

    private static final String COSTED = """
            kind,code,section,number,text,half_terms,cost,cost_basis,funding_source,starts_on,ends_on
            SECTION,,Reading,,Every pupil reads widely,,,,,,
            ACTION,,Reading,1,Reading tutors,,"£4,000 a year",,Pupil premium,2025-09-01,2028-07-21
            ACTION,,Reading,2,Phonics scheme,,2500,per school,DfE English hub grant,,
            ACTION,,Reading,3,Library stock,,£1200.50,,,,
            ACTION,,Reading,4,Parents' workshops,,,,School budget,,
            """;

    @Test
    void costsAYearOrPerSchoolWithTheirFundingSourceReadAlikeFromCsvAndXlsx() throws IOException {
        PlanTemplate.Result csv = PlanTemplate.readCsv(stream(COSTED));
        assertThat(csv.problems()).isEmpty();
        List<PlanTemplate.Action> actions = csv.plan().actions();
        assertThat(actions).extracting(a -> a.details().costBasis(), a -> a.details().fundingSource())
                           .containsExactly(org.assertj.core.groups.Tuple.tuple(CostBasis.PER_YEAR, "Pupil premium"),
                                            org.assertj.core.groups.Tuple.tuple(CostBasis.PER_SCHOOL,
                                                                                 "DfE English hub grant"),
                                            org.assertj.core.groups.Tuple.tuple(null, null),
                                            org.assertj.core.groups.Tuple.tuple(null, "School budget"));
        assertThat(actions.get(0).details().costPounds()).isEqualByComparingTo("4000");
        assertThat(actions.get(0).details().wholeCost(1)).isEqualByComparingTo("12000");
        assertThat(actions.get(2).details().costPounds()).isEqualByComparingTo("1200.50");
        PlanTemplate.Result xlsx = PlanTemplate.readXlsx(new ByteArrayInputStream(asWorkbook(stream(COSTED))));
        assertThat(xlsx.problems()).isEmpty();
        assertThat(xlsx.plan().actions()).extracting(a -> a.details().withCosting(null, null))
                                         .usingRecursiveComparison().ignoringFieldsOfTypes(BigDecimal.class)
                                         .isEqualTo(actions.stream().map(a -> a.details().withCosting(null, null))
                                                           .toList());
        assertThat(xlsx.plan().actions()).extracting(a -> a.details().costBasis())
                                         .isEqualTo(actions.stream().map(a -> a.details().costBasis()).toList());
    }

    @Test
    void aCostThatIsNotMoneyOrABasisThatContradictsItIsReportedByRowAndColumn() throws IOException {
        String csv = """
                kind,code,section,number,text,half_terms,cost,cost_basis
                SECTION,,Reading,,Every pupil reads widely,,,
                ACTION,,Reading,1,Tutors,,£4000 a week,
                ACTION,,Reading,2,Scheme,,2500 per school,per year
                ACTION,,Reading,3,Stock,,,per school
                ACTION,,Reading,4,Visits,,300,monthly
                ACTION,,Reading,5,Books,,12.345,
                """;
        PlanTemplate.Result result = PlanTemplate.readCsv(stream(csv));
        assertThat(result.plan()).isNull();
        assertThat(result.problems()).extracting(p -> p.row() + ":" + p.column())
                                     .containsExactly("3:cost", "4:cost_basis", "5:cost_basis", "6:cost_basis",
                                                      "7:cost");
        assertThat(result.problems().get(1).message()).isEqualTo(
                "The cost says per school but cost_basis says per year");
    }

    @Test
    void aLocalAuthoritysPlanReadsTheSameFromCsvAndXlsxWithItsSchoolsYearsMilestonesBodiesAndMoney() throws Exception {
        PlanTemplate.Owner la = PlanTemplate.Owner.organisation(java.util.Set.of("320001", "320002", "320003"));
        PlanTemplate.Result csv = PlanTemplate.readCsv(sample("city-la-2025-28.csv"), la);
        assertThat(csv.problems()).isEmpty();
        PlanTemplate.Result xlsx = PlanTemplate.readXlsx(new ByteArrayInputStream(asWorkbook(sample("city-la-2025-28.csv"))), la);
        assertThat(xlsx.plan()).isEqualTo(csv.plan());
        assertThat(csv.plan().priorities()).extracting(PlanTemplate.Priority::code).containsExactly("O1", "O2", "O3");
        PlanTemplate.Action network = csv.plan().actions().get(0);
        assertThat(network.takingPart()).containsExactly("320001", "320002", "320003");
        assertThat(network.details().costBasis()).isEqualTo(CostBasis.PER_SCHOOL);
        assertThat(network.details().monitoredBy()).containsExactly("Schools Forum");
        assertThat(network.details().timescale().milestones()).hasSize(2);
        assertThat(csv.plan().actions().get(2).takingPart()).isEmpty(); // "all"
        assertThat(csv.plan().actions().get(2).details().timescale().ongoing()).isTrue();
    }

    @Test
    void anOrganisationsPlanHasNoSectionsAndASchoolsNamesNoSchoolsTakingPart() throws Exception {
        PlanTemplate.Owner trust = PlanTemplate.Owner.organisation(java.util.Set.of("108520"));
        String header = "kind,code,section,number,text,half_terms,priorities,taking_part\n";
        PlanTemplate.Result sections = PlanTemplate.readCsv(stream(header + "PRIORITY,T1,,,Reading,,,\n"
                + "SECTION,,Quality,,,,,\nACTION,,,1,Phonics,,T1,108520; 100001\n"), trust);
        assertThat(sections.problems()).extracting(p -> p.row() + ":" + p.column())
                                      .containsExactly("3:kind", "4:taking_part");
        PlanTemplate.Result school = PlanTemplate.readCsv(stream(header + "PRIORITY,P1,,,Reading,Summer 2,,\n"
                + "SECTION,,Quality,,,,,\nACTION,,Quality,1,Phonics,,P1,108520\n"));
        assertThat(school.problems()).extracting(p -> p.row() + ":" + p.column()).containsExactly("4:taking_part");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

}
