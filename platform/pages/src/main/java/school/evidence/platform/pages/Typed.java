package school.evidence.platform.pages;

import java.util.List;
import java.util.Map;

/**
 * A form's values as the person typed them (each field's values, in order), so a refused form comes back filled in.
 * Pages call it as {@code typed}: {@code typed.value('lead')}, {@code typed.has('pupilGroups', 'SEND')}.
 */
public record Typed(Map<String, List<String>> values) {

    public static final Typed NOTHING = new Typed(Map.of());

    @SuppressWarnings("unchecked")
    public static Typed of(Object flashed) {
        return flashed instanceof Map<?, ?> map ? new Typed((Map<String, List<String>>) map) : NOTHING;
    }

    /** The first value typed for the field, or blank. */
    public String value(String field) {
        List<String> v = values.get(field);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** The field's value, or the given default when nothing was typed (a new form). */
    public String valueOr(String field, String otherwise) {
        return values.isEmpty() ? otherwise : value(field);
    }

    public boolean has(String field, Object value) {
        List<String> v = values.get(field);
        return v != null && value != null && v.contains(value.toString());
    }
}
