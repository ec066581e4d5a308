package school.evidence.kernel.plan;

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
}
