package school.evidence.query.triad;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A trust's triads and their termly reviews: which are done, due this term, overdue or later in the year. Status is
 * one of {@code DONE}, {@code DUE}, {@code OVERDUE}, {@code LATER}; {@code dueBy} is the last day of the term.
 */
public record TriadsView(String trustId, String trustName, String on, int done, int due, int overdue, int later,
                         List<Triad> triads) {

    public record Triad(String triadId, String name, String academicYear, List<School> schools,
                        List<Review> reviews) {
    }

    public record School(String urn, String name) {
    }

    public record Review(String term, String termLabel, School school, String status, String statusLabel,
                         String dueBy, List<School> reviewingSchools,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String reviewedOn,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String planId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> reviewers,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String focus,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> findings,
                         List<AgreedAction> actions) {
    }

    /** An action the review agreed, as it now stands in the reviewed school's plan. */
    public record AgreedAction(String actionId, String number, String title, String rag, boolean withdrawn) {
    }
}
