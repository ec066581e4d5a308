package school.evidence.command.plan;

import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A judge-RAG form as typed (a school's action, or a school's part in a trust's action): the half-term, the RAG, why,
 * and the monitoring cited; each missing choice said in plain words under its field.
 */
public final class RagForm {

    public final Map<String, Object> typed;
    public final Map<String, String> errors = new LinkedHashMap<>();
    public final HalfTerm halfTerm;
    public final Rag status;
    public final String rationale;
    public final List<String> evidence;

    public RagForm(String halfTerm, String status, String rationale, List<String> evidence) {
        this.evidence = evidence == null ? List.of() : evidence;
        this.rationale = rationale;
        this.typed = Map.of("halfTerm", halfTerm, "status", status, "rationale", rationale, "evidence", this.evidence);
        this.halfTerm = choice(HalfTerm.class, halfTerm, "halfTerm", "Choose the half-term this judgement is for");
        this.status = choice(Rag.class, status, "status", "Choose green, amber or red");
        if (rationale.isBlank()) {
            errors.put("rationale", "Say why: what the evidence shows");
        }
    }

    /** The form's field for a refusal of the command (anything not on the form is said against the rationale). */
    public String fieldOf(String domainField) {
        return typed.containsKey(domainField) ? domainField : "rationale";
    }

    /** "Judgement saved: Green for Autumn 2". */
    public String saved() {
        return "Judgement saved: " + words(status) + " for " + words(halfTerm);
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String field, String missing) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, missing);
            return null;
        }
    }

    private static String words(Enum<?> code) {
        String w = code.name().toLowerCase(Locale.UK).replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
