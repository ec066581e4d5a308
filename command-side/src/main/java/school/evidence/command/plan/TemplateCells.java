package school.evidence.command.plan;

import school.evidence.command.plan.PlanTemplate.Problem;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One row's cells of the plan template, recording problems against its row number and a column. */
record TemplateCells(Map<String, String> values, int row, List<Problem> problems) {

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
