package school.evidence.command.plan;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
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
                MILESTONE,,,,x,,
                ACTION,,Nowhere,1,Reading,,P9
                CRITERION,,Teaching,7,Shared,Autumn 1,
                """;
        assertThat(PlanTemplate.readCsv(stream(dangling)).problems()).extracting(p -> p.row() + ":" + p.column())
                .containsExactly("3:kind", "4:section", "4:priorities", "5:number");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

}
