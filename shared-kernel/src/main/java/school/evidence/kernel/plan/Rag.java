package school.evidence.kernel.plan;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/** A leader's judgement of an action's impact. No RAG at all means not yet due or not yet judged. */
public enum Rag {
    GREEN("Evidenced and shows impact"),
    AMBER("In progress"),
    RED("Not impacted");

    private final String meaning;

    Rag(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * The RAG of a group (a priority or a section) from its actions' current RAG: red if any is red, amber if any
     * is amber or some are not yet judged while others are, green only when every one is green; null if none is
     * judged.
     */
    public static Rag rollUp(Collection<Rag> current) {
        if (current.isEmpty() || current.stream().allMatch(Objects::isNull)) {
            return null;
        }
        if (current.contains(RED)) {
            return RED;
        }
        if (current.contains(AMBER) || current.contains(null)) {
            return AMBER;
        }
        return GREEN;
    }

    /** How many of each, with {@code NOT_JUDGED} for null. */
    public static Map<String, Integer> distribution(Collection<Rag> current) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Rag rag : values()) {
            counts.put(rag.name(), 0);
        }
        counts.put("NOT_JUDGED", 0);
        current.forEach(r -> counts.merge(r == null ? "NOT_JUDGED" : r.name(), 1, Integer::sum));
        return counts;
    }

}
