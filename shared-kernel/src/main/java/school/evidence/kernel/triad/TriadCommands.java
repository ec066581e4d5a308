package school.evidence.kernel.triad;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import school.evidence.kernel.plan.ActionDetails;

import java.time.LocalDate;
import java.util.List;

/**
 * Triads: three schools of a trust that review each other on a termly rota. The trust forms them; a review is recorded
 * in the reviewed school's plan, whose actions the review agreed become.
 */
public final class TriadCommands {
    private TriadCommands() {
    }

    /** @param schools three member schools, in rota order: the first is reviewed in the autumn, then spring, summer */
    public record FormTriad(@TargetAggregateIdentifier String trustId, String triadId, String name,
                            String academicYear, List<String> schools) {
        public FormTriad {
            schools = schools == null ? List.of() : List.copyOf(schools);
        }
    }

    /** An action the review agreed, to be added to a section of the reviewed school's plan. */
    public record AgreedAction(String actionId, String sectionId, String number, ActionDetails details) {
    }

    /**
     * @param planId    the reviewed school's plan for the triad's year
     * @param reviewers who reviewed (people or roles, e.g. "Headteacher, Castle View Primary")
     * @param focus     what the review looked at, e.g. the school's self-evaluation of reading
     */
    public record RecordTriadReview(@TargetAggregateIdentifier String planId, String reviewId, String trustId,
                                    String triadId, Term term, LocalDate reviewedOn, List<String> reviewers,
                                    String focus, List<String> findings, List<AgreedAction> actions) {
        public RecordTriadReview {
            reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
            findings = findings == null ? List.of() : List.copyOf(findings);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }
}
