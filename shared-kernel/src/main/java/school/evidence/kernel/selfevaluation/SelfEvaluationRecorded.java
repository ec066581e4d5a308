package school.evidence.kernel.selfevaluation;

import school.evidence.kernel.SchoolEvent;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.Rating;

import java.time.LocalDate;
import java.util.List;

public record SelfEvaluationRecorded(String evaluationId, String schoolUrn, LocalDate evaluatedOn,
                                     List<Rating> ratings) implements SchoolEvent {
}
