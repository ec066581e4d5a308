package school.evidence.kernel.triad;

import school.evidence.kernel.OrganisationEvent;
import school.evidence.kernel.SchoolEvent;

import java.time.LocalDate;
import java.util.List;

public final class TriadEvents {
    private TriadEvents() {
    }

    /** Which school the triad reviews in which term. */
    public record RotaSlot(Term term, String schoolUrn) {
    }

    /** The trust's: the ledger files it under no school. */
    public record TriadFormed(String trustId, String triadId, String name, String academicYear, List<RotaSlot> rota)
            implements OrganisationEvent {
        public TriadFormed {
            rota = List.copyOf(rota);
        }
    }

    /**
     * A review of the plan's school by its triad partners ({@code reviewingSchools}); the plan's actions it agreed
     * ({@code actionIds}) are added to the plan right after it, in the same commit.
     */
    public record TriadReviewRecorded(String planId, String schoolUrn, String reviewId, String trustId,
                                      String triadId, Term term, LocalDate reviewedOn, List<String> reviewingSchools,
                                      List<String> reviewers, String focus, List<String> findings,
                                      List<String> actionIds) implements SchoolEvent, OrganisationEvent {
        public TriadReviewRecorded {
            reviewingSchools = List.copyOf(reviewingSchools);
            reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
            findings = findings == null ? List.of() : List.copyOf(findings);
            actionIds = actionIds == null ? List.of() : List.copyOf(actionIds);
        }
    }
}
