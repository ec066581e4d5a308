package school.evidence.platform.pages;

import org.springframework.util.MultiValueMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posted form as a form handler reads it: each field as typed, the problems found while reading it (by field name,
 * in the order of the form) and the whole form as typed, so a refused form comes back filled in.
 */
public class FormReader {

    /** Each field's problem, in plain words, by the field's name on the form. */
    public final Map<String, String> errors = new LinkedHashMap<>();
    protected final MultiValueMap<String, String> form;

    protected FormReader(MultiValueMap<String, String> form) {
        this.form = form;
    }

    /** The reason a change is made, which every change needs; null (and the problem said) when blank. */
    public String reason(String problem) {
        return reason("reason", problem);
    }

    /** The reason typed in a field of another name (a page with two forms, each with its reason). */
    public String reason(String field, String problem) {
        String reason = text(field);
        if (reason == null) {
            errors.put(field, problem);
        }
        return reason;
    }

    /** A field that must be filled in; null (and the problem said) when blank. */
    public String required(String name, String problem) {
        String text = text(name);
        if (text == null) {
            errors.put(name, problem);
        }
        return text;
    }

    /** What was typed, for the form to come back filled in (the CSRF token left out). */
    public Map<String, List<String>> typed() {
        Map<String, List<String>> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        return typed;
    }

    /** The field as typed, blank when it was not sent. */
    protected String value(String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    /** The field without surrounding spaces, or null when nothing was typed. */
    public String text(String name) {
        String v = value(name).strip();
        return v.isEmpty() ? null : v;
    }

    /** A field sent more than once (ticked boxes), blanks left out. */
    protected List<String> values(String name) {
        List<String> v = form.get(name);
        return v == null ? List.of() : v.stream().filter(s -> !s.isBlank()).toList();
    }

    /**
     * A GOV.UK date input ({@code name-day}, {@code name-month}, {@code name-year}) as a date; null when left blank,
     * or (with the problem said) when it is not a date or is required and blank.
     */
    public java.time.LocalDate date(String name, String problem, boolean required) {
        String d = value(name + "-day").strip();
        String m = value(name + "-month").strip();
        String y = value(name + "-year").strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            if (required) {
                errors.put(name, problem);
            }
            return null;
        }
        try {
            return java.time.LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            errors.put(name, problem);
            return null;
        }
    }

    /** A box where each line is one item (strengths, leads...). */
    protected List<String> lines(String name) {
        return value(name).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
