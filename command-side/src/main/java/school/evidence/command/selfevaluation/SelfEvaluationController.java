package school.evidence.command.selfevaluation;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.Rating;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.RecordSelfEvaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Self-evaluation")
class SelfEvaluationController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record EvaluationRecorded(String evaluationId) {
    }

    record SelfEvaluationRequest(@NotNull LocalDate evaluatedOn, @NotEmpty List<@NotNull Rating> ratings) {
    }

    private final CommandSender commands;

    SelfEvaluationController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/self-evaluations")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<EvaluationRecorded> record(@PathVariable String urn,
                                               @Valid @RequestBody SelfEvaluationRequest request) {
        String evaluationId = UUID.randomUUID().toString();
        commands.send(new RecordSelfEvaluation(evaluationId, urn, request.evaluatedOn(), request.ratings()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new EvaluationRecorded(evaluationId));
    }
}
