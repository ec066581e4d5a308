package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A trust's or local authority's plan template file as rows of cells, the same rows as an XLSX workbook, and the check
 * that a plan read back from the API says what every cell of every row said, empty cells included.
 */
final class SampleRows {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SampleRows() {
    }

    static List<Map<String, String>> read(byte[] csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                                                 .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(name -> row.put(name, record.get(name).strip()));
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows as the first sheet of a workbook, every cell as text, as a spreadsheet user would type them. */
    static byte[] xlsx(List<Map<String, String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Plan");
            List<String> names = new ArrayList<>(rows.get(0).keySet());
            Row header = sheet.createRow(0);
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < names.size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(names.get(c)));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static void assertEveryCell(List<Map<String, String>> rows, JsonNode plan) {
        for (Map<String, String> row : rows) {
            String kind = row.get("kind");
            JsonNode read = switch (kind) {
                case "PRIORITY" -> only(plan.path("priorities"), "code", row.get("code"));
                case "ACTION" -> only(plan.path("actions"), "number", row.get("number"));
                // found under the action of its number, by its title: so its number and text cells hold
                case "MILESTONE" -> only(only(plan.path("actions"), "number", row.get("number"))
                                                 .path("timescale").path("milestones"), "title", row.get("text"));
                default -> throw new AssertionError("no " + kind + " rows in an organisation's plan");
            };
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String where = "row " + kind + " " + row.get("code") + row.get("number") + ", column " + cell.getKey();
                assertThat(readBack(kind, cell.getKey(), read, row)).as(where)
                        .isEqualTo(written(cell.getKey(), cell.getValue(), row));
            }
        }
    }

    /** A cell as the plan should hold it: lists split, money as an amount and what it is per. */
    private static String written(String column, String cell, Map<String, String> row) {
        return switch (column) {
            case "priorities" -> String.join(",", cell.isEmpty() ? List.of() : Arrays.asList(cell.split("\\s+")));
            case "leads", "monitored_by", "evaluated_by", "criteria", "taking_part" ->
                    String.join(",", cell.isEmpty() ? List.of() : Arrays.stream(cell.split(";")).map(String::strip)
                                                                        .sorted().toList());
            case "cost" -> cell.isEmpty() ? "" : new BigDecimal(cell.replaceAll("[^0-9.]", "")).stripTrailingZeros()
                                                                                              .toPlainString();
            case "cost_basis" -> row.get("cost").isEmpty() ? "" : basis(cell.isEmpty()
                    ? row.get("cost").replaceAll("[£0-9,.]", "").strip() : cell);
            default -> cell;
        };
    }

    /** What the plan read back says for that cell, in the same form. */
    private static String readBack(String kind, String column, JsonNode read, Map<String, String> row) {
        boolean priority = kind.equals("PRIORITY");
        boolean action = kind.equals("ACTION");
        boolean milestone = kind.equals("MILESTONE");
        JsonNode timescale = read.path("timescale");
        return switch (column) {
            case "kind" -> kind;
            case "code" -> priority ? read.path("code").asText() : "";
            case "number" -> action ? read.path("number").asText() : milestone ? row.get("number") : "";
            case "text" -> priority ? read.path("statement").asText() : read.path("title").asText();
            case "priorities" -> action ? String.join(",", texts(read.path("priorities"))) : "";
            case "leads" -> action ? joined(read.path("leads"), null) : "";
            case "resources" -> action ? read.path("resources").asText("") : "";
            case "funding_source" -> action ? read.path("fundingSource").asText("") : "";
            case "monitored_by" -> action ? joined(read.path("monitoredBy"), null) : "";
            case "evaluated_by" -> action ? joined(read.path("evaluatedBy"), null) : "";
            case "cost" -> action && read.hasNonNull("costPounds")
                    ? new BigDecimal(read.path("costPounds").asText()).stripTrailingZeros().toPlainString() : "";
            case "cost_basis" -> action && read.hasNonNull("costPounds") ? read.path("costBasis").asText("TOTAL") : "";
            case "starts_on" -> action ? timescale.path("startsOn").asText("") : "";
            case "ends_on" -> !action ? "" : timescale.path("ongoing").asBoolean() ? "ongoing"
                    : timescale.path("endsOn").asText("");
            case "due_on" -> milestone ? read.path("dueOn").asText() : "";
            case "criteria" -> milestone ? joined(read.path("criteria"), null) : "";
            case "taking_part" -> !action ? "" : read.path("allSchools").asBoolean() ? "all"
                    : joined(read.path("schools"), "urn");
            case "section", "half_terms" -> ""; // an organisation's plan has neither
            default -> fail("a column the check does not know: " + column);
        };
    }

    private static String basis(String words) {
        return switch (words.toLowerCase(java.util.Locale.ROOT)) {
            case "", "total" -> "TOTAL";
            case "per school" -> "PER_SCHOOL";
            case "a year", "per year" -> "PER_YEAR";
            default -> fail("a cost basis the check does not know: " + words);
        };
    }

    private static String joined(JsonNode list, String field) {
        return String.join(",", (field == null ? texts(list) : texts(list, field)).stream().sorted().toList());
    }

    private static JsonNode only(JsonNode list, String field, String value) {
        List<JsonNode> found = StreamSupport.stream(list.spliterator(), false)
                                            .filter(n -> n.path(field).asText().equals(value)).toList();
        assertThat(found).as(field + " " + value + " in " + list).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode list, String field) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }
}
