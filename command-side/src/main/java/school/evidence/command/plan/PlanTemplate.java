package school.evidence.command.plan;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plan import template (docs/api.md, "Plan import template"): one row per priority, section, action or success criterion,
 * with a header row. Read from CSV (Apache Commons CSV) or from the first sheet of an XLSX workbook (Apache POI).
 * Every row is checked before anything is written; the result is either a whole plan or every error found, by row
 * and column.
 */
public final class PlanTemplate {

    public static final List<String> COLUMNS = List.of("kind", "code", "section", "number", "text", "half_terms",
                                                       "ofsted_areas", "ethos_links", "priorities", "ofsted_actions",
                                                       "leads", "governor_link", "resources", "cost", "cost_basis",
                                                       "funding_source", "monitored_by", "evaluated_by", "starts_on",
                                                       "ends_on", "due_on", "criteria");
    private static final Pattern PRIORITY = Pattern.compile("P\\d{1,3}");
    private static final Pattern OFSTED_ACTION = Pattern.compile("OA\\d{1,3}");
    private static final int MAX_ROWS = 2000;

    public record Problem(int row, String column, String message) {
    }

    public record Priority(String code, String statement, Set<HalfTerm> dueBy) {
    }

    public record Section(String title, String aim, List<String> ethosLinks, Set<OfstedArea> ofstedAreas) {
    }

    public record Action(String section, String number, ActionDetails details) {
    }

    public record Criterion(String section, String number, String text, Set<HalfTerm> halfTerms) {
    }

    public record Plan(List<Priority> priorities, List<Section> sections, List<Action> actions,
                       List<Criterion> criteria) {
    }

    /** Either a plan or the problems; never both. */
    public record Result(Plan plan, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private PlanTemplate() {
    }

    public static Result readCsv(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                                            .setIgnoreEmptyLines(true).build();
        try (CSVParser parser = format.parse(reader)) {
            List<Map<String, String>> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                parser.getHeaderMap().forEach((name, index) -> row.put(normalise(name),
                                                                      index < record.size() ? record.get(index) : ""));
                rows.add(row);
                lines.add((int) record.getRecordNumber() + 1); // the header is row 1
            }
            return read(headerProblems(parser.getHeaderNames()), rows, lines);
        }
    }

    public static Result readXlsx(InputStream in) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter(Locale.UK);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            List<String> names = new ArrayList<>();
            if (header != null) {
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    names.add(cells.formatCellValue(header.getCell(c)).strip());
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                boolean blank = true;
                for (int c = 0; c < names.size(); c++) {
                    String value = cells.formatCellValue(row.getCell(c)).strip();
                    blank &= value.isEmpty();
                    values.put(normalise(names.get(c)), value);
                }
                if (!blank) {
                    rows.add(values);
                    lines.add(r + 1);
                }
            }
            return read(headerProblems(names), rows, lines);
        }
    }

    private static List<Problem> headerProblems(List<String> names) {
        Set<String> present = new LinkedHashSet<>();
        names.forEach(n -> present.add(normalise(n)));
        List<Problem> problems = new ArrayList<>();
        for (String required : List.of("kind", "code", "section", "number", "text", "half_terms")) {
            if (!present.contains(required)) {
                problems.add(new Problem(1, required, "The header row has no column " + required));
            }
        }
        for (String name : present) {
            if (!name.isEmpty() && !COLUMNS.contains(name)) {
                problems.add(new Problem(1, name, "Unknown column " + name + "; the template's columns are " + COLUMNS));
            }
        }
        return problems;
    }

    private static String normalise(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\ufeff", "");
    }

    private static Result read(List<Problem> problems, List<Map<String, String>> rows, List<Integer> lines) {
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        if (rows.size() > MAX_ROWS) {
            return new Result(null, List.of(new Problem(MAX_ROWS + 2, "kind", "A plan has at most " + MAX_ROWS + " rows")));
        }
        Map<String, Priority> priorities = new LinkedHashMap<>();
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<String, Action> actions = new LinkedHashMap<>();
        List<Criterion> criteria = new ArrayList<>();
        TemplateTimescales timescales = new TemplateTimescales();
        TemplateTimescales.Problems report = (row, column, message) -> problems.add(new Problem(row, column, message));
        for (int i = 0; i < rows.size(); i++) {
            Cells row = new Cells(rows.get(i), lines.get(i), problems);
            String kind = row.get("kind").toUpperCase(Locale.ROOT);
            switch (kind) {
                case "PRIORITY" -> {
                    String code = row.get("code");
                    if (!PRIORITY.matcher(code).matches()) {
                        row.problem("code", code.isEmpty() ? "A priority needs its code, e.g. P1"
                                : "'" + code + "' is not a priority code like P1");
                    } else if (priorities.containsKey(code)) {
                        row.problem("code", "Priority " + code + " appears twice");
                    }
                    String statement = row.required("text");
                    Set<HalfTerm> due = row.halfTerms(false);
                    priorities.putIfAbsent(code, new Priority(code, statement, due));
                }
                case "SECTION" -> {
                    String title = row.required("section");
                    if (sections.containsKey(title)) {
                        row.problem("section", "Section '" + title + "' appears twice");
                    }
                    sections.putIfAbsent(title, new Section(title, row.get("text"), row.list("ethos_links"),
                                                            row.ofstedAreas()));
                }
                case "ACTION" -> {
                    String section = row.required("section");
                    if (!section.isEmpty() && !sections.containsKey(section)) {
                        row.problem("section", "No SECTION row above is called '" + section + "'");
                    }
                    String number = row.required("number");
                    String key = section + "#" + number;
                    if (actions.containsKey(key)) {
                        row.problem("number", "Section '" + section + "' already has an action " + number);
                    }
                    String title = row.required("text");
                    List<String> linked = row.codes("priorities");
                    for (String code : linked) {
                        if (!PRIORITY.matcher(code).matches()) {
                            row.problem("priorities", "'" + code + "' is not a priority code like P1");
                        } else if (!priorities.containsKey(code)) {
                            row.problem("priorities", "No PRIORITY row above has code " + code);
                        }
                    }
                    List<String> oas = row.codes("ofsted_actions");
                    oas.stream().filter(oa -> !OFSTED_ACTION.matcher(oa).matches())
                       .forEach(oa -> row.problem("ofsted_actions", "'" + oa + "' is not an Ofsted action like OA1"));
                    TemplateCosts.Cost cost = TemplateCosts.read(row.get("cost"), row.get("cost_basis"));
                    if (cost.problem() != null) {
                        row.problem(cost.problemColumn(), cost.problem());
                    }
                    actions.putIfAbsent(key, new Action(section, number, new ActionDetails(
                            title, linked, oas, row.list("leads"), emptyToNull(row.get("governor_link")),
                            emptyToNull(row.get("resources")), cost.pounds(), row.list("monitored_by"),
                            row.list("evaluated_by"), null, cost.basis(), emptyToNull(row.get("funding_source")))));
                    timescales.action(key, row.get("starts_on"), row.get("ends_on"), row.row(), report);
                }
                case "MILESTONE" -> {
                    String key = row.required("section") + "#" + row.required("number");
                    if (!key.startsWith("#") && !key.endsWith("#") && !actions.containsKey(key)) {
                        row.problem("number", "No ACTION row above is number " + row.get("number") + " of section '"
                                + row.get("section") + "'");
                    }
                    timescales.milestone(key, row.get("due_on"), row.required("text"), row.list("criteria"),
                                         row.row(), report);
                }
                case "CRITERION" -> {
                    String section = row.required("section");
                    String number = row.required("number");
                    if (!section.isEmpty() && !number.isEmpty() && !actions.containsKey(section + "#" + number)) {
                        row.problem("number", "No ACTION row above is number " + number + " of section '" + section + "'");
                    }
                    String text = row.required("text");
                    criteria.add(new Criterion(section, number, text, row.halfTerms(true)));
                }
                default -> row.problem("kind", kind.isEmpty() ? "Say what the row is: PRIORITY, SECTION, ACTION, "
                        + "CRITERION or MILESTONE" : "'" + row.get("kind") + "' is not PRIORITY, SECTION, ACTION, "
                        + "CRITERION or MILESTONE");
            }
        }
        if (problems.isEmpty() && priorities.isEmpty() && sections.isEmpty()) {
            problems.add(new Problem(2, "kind", "The file has no PRIORITY or SECTION rows"));
        }
        actions.replaceAll((key, a) -> new Action(a.section(), a.number(), a.details().withTimescale(timescales.of(key))));
        return problems.isEmpty()
                ? new Result(new Plan(List.copyOf(priorities.values()), List.copyOf(sections.values()),
                                      List.copyOf(actions.values()), criteria), List.of())
                : new Result(null, problems);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One row's cells, recording problems against its row number and a column. */
    private record Cells(Map<String, String> values, int row, List<Problem> problems) {

        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        void problem(String column, String message) {
            problems.add(new Problem(row, column, message));
        }

        String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                problem(column, column + " is required on a " + get("kind").toUpperCase(Locale.ROOT) + " row");
            }
            return value;
        }

        /** Items separated by semicolons: "HT; DHT; English Leader". */
        List<String> list(String column) {
            List<String> items = new ArrayList<>();
            for (String item : get(column).split(";")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }

        /** Codes separated by spaces, commas or semicolons, as plans write them: "P1 P2 P4". */
        List<String> codes(String column) {
            List<String> codes = new ArrayList<>();
            for (String code : get(column).split("[\\s,;]+")) {
                if (!code.isBlank()) {
                    codes.add(code.strip().toUpperCase(Locale.ROOT));
                }
            }
            return codes;
        }

        /** "Autumn 1 Spring 1 Summer 1", "Autumn 2; Summer 2", "AUTUMN_1", or a whole term: "Autumn". */
        Set<HalfTerm> halfTerms(boolean required) {
            String cell = get("half_terms");
            Set<HalfTerm> result = EnumSet.noneOf(HalfTerm.class);
            if (cell.isEmpty()) {
                if (required) {
                    problem("half_terms", "Say in which half-term(s) it is due, e.g. Autumn 1");
                }
                return result;
            }
            var matcher = Pattern.compile("(?i)(autumn|spring|summer)(?:[\\s_]*([12]))?(?![a-z0-9])").matcher(cell);
            String rest = cell;
            while (matcher.find()) {
                String term = matcher.group(1).toUpperCase(Locale.ROOT);
                if (matcher.group(2) == null) {
                    result.add(HalfTerm.valueOf(term + "_1"));
                    result.add(HalfTerm.valueOf(term + "_2"));
                } else {
                    result.add(HalfTerm.valueOf(term + "_" + matcher.group(2)));
                }
                rest = rest.replace(matcher.group(), "");
            }
            String leftover = rest.replaceAll("[\\s,;]+", " ").strip();
            if (!leftover.isEmpty() || result.isEmpty()) {
                problem("half_terms", "'" + cell + "' is not a list of half-terms (Autumn 1 .. Summer 2)");
            }
            return result;
        }

        Set<OfstedArea> ofstedAreas() {
            Set<OfstedArea> areas = EnumSet.noneOf(OfstedArea.class);
            for (String name : list("ofsted_areas")) {
                String constant = name.toUpperCase(Locale.ROOT).replace("&", "AND").replaceAll("[^A-Z]+", "_")
                                      .replaceAll("^_|_$", "");
                try {
                    areas.add(OfstedArea.valueOf(constant));
                } catch (IllegalArgumentException e) {
                    problem("ofsted_areas", "'" + name + "' is not an Ofsted area; use one of "
                            + java.util.Arrays.toString(OfstedArea.values()));
                }
            }
            return areas;
        }
    }
}
