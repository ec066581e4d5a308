package school.evidence.command.selfevaluation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.Rating;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.RecordSelfEvaluation;
import school.evidence.kernel.selfevaluation.SelfEvaluationRecorded;
import school.evidence.kernel.selfevaluation.Toolkit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notEmpty;
import static school.evidence.command.Checks.notNull;

/** A dated self-evaluation against the quality standards toolkit. Once recorded it is history; a new one follows. */
@Aggregate
public class SelfEvaluation {

    @AggregateIdentifier
    private String evaluationId;

    protected SelfEvaluation() {
    }

    @CommandHandler
    public SelfEvaluation(RecordSelfEvaluation command, SchoolDirectory schools) {
        if (!schools.isRegistered(command.schoolUrn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.schoolUrn());
        }
        notNull(command.evaluatedOn(), "evaluatedOn");
        if (command.evaluatedOn().isAfter(LocalDate.now(ZoneId.of("Europe/London")))) {
            throw Rejection.invalid("evaluatedOn", "evaluatedOn cannot be in the future");
        }
        notEmpty(command.ratings(), "ratings");
        Set<String> seen = new HashSet<>();
        for (Rating rating : command.ratings()) {
            String key = rating.coreElement() + rating.standard();
            if (Toolkit.standard(rating.coreElement(), rating.standard()).isEmpty()) {
                throw Rejection.invalid("ratings", "The toolkit has no quality standard " + key);
            }
            if (!seen.add(key)) {
                throw Rejection.invalid("ratings", "Standard " + key + " is rated twice");
            }
            if (rating.rating() < 1 || rating.rating() > 4) {
                throw Rejection.invalid("ratings", "Standard " + key + ": ratings run from 1 (strong) to 4");
            }
            notBlank(rating.evidenceNotes(), "ratings.evidenceNotes");
            if (rating.rating() >= 3) {
                // the toolkit asks for action whenever improvement is needed
                notBlank(rating.actionNotes(), "ratings.actionNotes");
            }
        }
        apply(new SelfEvaluationRecorded(command.evaluationId(), command.schoolUrn(), command.evaluatedOn(),
                                         command.ratings()));
    }

    @EventSourcingHandler
    void on(SelfEvaluationRecorded event) {
        evaluationId = event.evaluationId();
    }
}
