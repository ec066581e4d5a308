package school.evidence.kernel.selfevaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

public final class SelfEvaluationCommands {
    private SelfEvaluationCommands() {
    }

    /**
     * One rating of one quality standard.
     *
     * @param evidenceNotes what the judgement rests on, including staff and community perceptions
     * @param actionNotes   the actions required, who is responsible, and when
     */
    public record Rating(int coreElement, String standard, int rating, String sefReference, String evidenceNotes,
                         String actionNotes) {
    }

    /** A dated self-evaluation against the toolkit: a leadership team's ratings of some or all standards. */
    public record RecordSelfEvaluation(@TargetAggregateIdentifier String evaluationId, String schoolUrn,
                                       LocalDate evaluatedOn, List<Rating> ratings) {
    }
}
