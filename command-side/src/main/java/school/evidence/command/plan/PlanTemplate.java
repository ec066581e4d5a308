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
                                                       "ends_on", "due_on", "criteria", "taking_part");
    private static final Pattern PRIORITY = Pattern.compile("P\\d{1,3}");
    private static final Pattern ORGANISATION_PRIORITY = Pattern.compile("[A-Z]{0,3}\\d{1,3}");
    private static final Pattern OFSTED_ACTION = Pattern.compile("OA\\d{1,3}");
    private static final int MAX_ROWS = 2000;

    public record Problem(int row, String column, String message) {
    }

    public record Priority(String code, String statement, Set<HalfTerm> dueBy) {
    }

    public record Section(String title, String aim, List<String> ethosLinks, Set<OfstedArea> ofstedAreas) {
    }

    /** @param takingPart for a trust's or local authority's plan: the URNs named (none: every member school) */
    public record Action(String section, String number, ActionDetails details, List<String> takingPart) {
    }

    /**
     * Whose plan the file is. A school's has sections, P codes and success criteria; a trust's or a local authority's
     * has none of those, codes such as T1 or O1, and names the member schools taking part in each action.
     */
    public record Owner(boolean organisation, Set<String> members) {
        public static final Owner SCHOOL = new Owner(false, Set.of());

        public static Owner organisation(Set<String> members) {
            return new Owner(true, Set.copyOf(members));
        }
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
        return readCsv(in, Owner.SCHOOL);
    }

    public static Result readXlsx(InputStream in) throws IOException {
        return readXlsx(in, Owner.SCHOOL);
    }

    public static Result readCsv(InputStream in, Owner owner) throws IOException {
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
            return read(headerProblems(parser.getHeaderNames(), owner), rows, lines, owner);
        }
    }

    public static Result readXlsx(InputStream in, Owner owner) throws IOException {
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
            return read(headerProblems(names, owner), rows, lines, owner);
        }
    }

    private static List<Problem> headerProblems(List<String> names, Owner owner) {
        Set<String> present = new LinkedHashSet<>();
        names.forEach(n -> present.add(normalise(n)));
        List<Problem> problems = new ArrayList<>();
        for (String required : owner.organisation() ? List.of("kind", "code", "number", "text")
                : List.of("kind", "code", "section", "number", "text", "half_terms")) {
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

    private static Result read(List<Problem> problems, List<Map<String, String>> rows, List<Integer> lines,
                               Owner owner) {
        Pattern priorityCode = owner.organisation() ? ORGANISATION_PRIORITY : PRIORITY;
        String like = owner.organisation() ? "T1" : "P1";
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
            TemplateCells row = new TemplateCells(rows.get(i), lines.get(i), problems);
            String kind = row.get("kind").toUpperCase(Locale.ROOT);
            if (owner.organisation() && (kind.equals("SECTION") || kind.equals("CRITERION"))) {
                row.problem("kind", "A trust's or local authority's plan has no sections or success criteria: give "
                        + "its actions milestones with their criteria");
                continue;
            }
            switch (kind) {
                case "PRIORITY" -> {
                    String code = row.get("code");
                    if (!priorityCode.matcher(code).matches()) {
                        row.problem("code", code.isEmpty() ? "A priority needs its code, e.g. " + like
                                : "'" + code + "' is not a priority code like " + like);
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
                    String section = owner.organisation() ? "" : row.required("section");
                    if (!owner.organisation() && !section.isEmpty() && !sections.containsKey(section)) {
                        row.problem("section", "No SECTION row above is called '" + section + "'");
                    }
                    String number = row.required("number");
                    String key = section + "#" + number;
                    if (actions.containsKey(key)) {
                        row.problem("number", (owner.organisation() ? "The plan" : "Section '" + section + "'")
                                + " already has an action " + number);
                    }
                    String title = row.required("text");
                    List<String> linked = row.codes("priorities");
                    for (String code : linked) {
                        if (!priorityCode.matcher(code).matches()) {
                            row.problem("priorities", "'" + code + "' is not a priority code like " + like);
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
                            row.list("evaluated_by"), null, cost.basis(), emptyToNull(row.get("funding_source"))),
                            takingPart(row, owner)));
                    timescales.action(key, row.get("starts_on"), row.get("ends_on"), row.row(), report);
                }
                case "MILESTONE" -> {
                    String key = (owner.organisation() ? "" : row.required("section")) + "#" + row.required("number");
                    if ((owner.organisation() || !key.startsWith("#")) && !key.endsWith("#") && !actions.containsKey(key)) {
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
            problems.add(new Problem(2, "kind", owner.organisation() ? "The file has no PRIORITY rows"
                    : "The file has no PRIORITY or SECTION rows"));
        }
        actions.replaceAll((key, a) -> new Action(a.section(), a.number(), a.details().withTimescale(timescales.of(key)),
                                                  a.takingPart()));
        return problems.isEmpty()
                ? new Result(new Plan(List.copyOf(priorities.values()), List.copyOf(sections.values()),
                                      List.copyOf(actions.values()), criteria), List.of())
                : new Result(null, problems);
    }

    /**
     * The schools an organisation's action names ("all" or nothing: every member school), each a member; a school's
     * own plan names none.
     */
    private static List<String> takingPart(TemplateCells row, Owner owner) {
        List<String> named = row.codes("taking_part");
        if (!owner.organisation()) {
            if (!named.isEmpty()) {
                row.problem("taking_part", "Only a trust's or local authority's plan names the schools taking part");
            }
            return List.of();
        }
        if (named.size() == 1 && named.get(0).equals("ALL")) {
            return List.of();
        }
        named.stream().filter(urn -> !owner.members().contains(urn)).forEach(urn -> row.problem("taking_part",
                "'" + urn + "' is not a school of the trust or local authority"));
        return named;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
