package school.evidence.query.trust;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A trust's schools side by side on a day ({@code on}): each one's improvement phase in force then, its plan's RAG,
 * overdue next steps, monitoring coverage this academic year and last self-evaluation. Counts only, no notes.
 * {@code kind}: {@code TRUST} or {@code LOCAL_AUTHORITY}. {@code asOf} appears on a past view.
 */
public record TrustView(String trustId, String name, String kind, String on, String academicYear, List<School> schools,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** {@code planStatus}, {@code ragDistribution}, {@code overallRag}: null when the school has no plan that year. */
    public record School(String urn, String joinedOn, String phase, String phaseSince, String phaseReason,
                         List<String> indicativeMeasures, List<Phase> phaseHistory, String planId,
                         String planStatus, Map<String, Integer> ragDistribution, String overallRag,
                         long overdueNextSteps, Coverage monitoringCoverage, LastEvaluation lastSelfEvaluation) {
    }

    /** A phase from the day it took effect, why, on which measures, and when that was recorded. */
    public record Phase(String phase, String from, String reason, List<String> indicativeMeasures, String recordedAt) {
    }

    public record Coverage(int liveActions, long actionsWithEvidenceThisYear) {
    }

    /** The latest self-evaluation: its date and each standard's rating, as {@code 6G=2}. */
    public record LastEvaluation(String evaluatedOn, List<String> ratings) {
    }
}
