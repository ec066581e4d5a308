package school.evidence.query.selfevaluation;

import java.util.List;

/** A school's self-evaluation against the toolkit: each quality standard rated 1 (strong) to 4, with notes. */
public record SelfEvaluation(String evaluationId, String schoolUrn, String evaluatedOn, String recordedBy,
                             String recordedAt, List<Rating> ratings) {

    public record Rating(int coreElement, String standard, String standardTitle, int rating, String ratingMeaning,
                         String sefReference, String evidenceNotes, String actionNotes) {
    }

    /** How one quality standard was rated over time. */
    public record StandardHistory(int coreElement, String standard, String title, List<Rated> history) {
    }

    public record Rated(String evaluatedOn, String evaluationId, int rating, String evidenceNotes, String actionNotes) {
    }

    /** The toolkit: what each rating means, and the core elements with their quality standards. */
    public record ToolkitView(java.util.Map<Integer, String> ratings,
                              List<school.evidence.kernel.selfevaluation.Toolkit.CoreElement> coreElements) {
    }
}
