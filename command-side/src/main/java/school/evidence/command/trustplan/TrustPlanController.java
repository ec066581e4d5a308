package school.evidence.command.trustplan;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.school.Urn;
import school.evidence.kernel.trustplan.TrustPlanCommands;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustPriority;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.kernel.trustplan.TrustPlanCommands.JudgeTrustActionRag;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Actor;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A trust's plan across its schools: its officers write it; each taking-part school's RAG for an action is judged by
 * that school's senior leaders or the trust's officers.
 */
@RestController
@Tag(name = "Trust plans")
class TrustPlanController {

    record PlanRequest(@NotBlank @Pattern(regexp = AcademicYear.PATTERN, message = "must look like 2025-26") String fromYear,
                       @Pattern(regexp = AcademicYear.PATTERN, message = "must look like 2027-28") String toYear,
                       @NotBlank @Size(max = 300) String title) {
    }

    record PriorityRequest(@NotBlank @Size(max = 10) String code, @NotBlank @Size(max = 2000) String statement) {
    }

    /** @param takingPart URNs of the member schools taking part; none: every school of the trust */
    record ActionRequest(@NotBlank @Size(max = 20) String number, @NotBlank @Size(max = 2000) String title,
                         List<@NotBlank String> priorities,
                         @Size(max = 200) List<@Pattern(regexp = Urn.PATTERN, message = "must be exactly six digits") String> takingPart,
                         List<@NotBlank @Size(max = 100) String> leads, @Size(max = 2000) String resources,
                         @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costPounds,
                         CostBasis costBasis, @Size(max = 200) String fundingSource,
                         List<@NotBlank @Size(max = 100) String> monitoredBy,
                         List<@NotBlank @Size(max = 100) String> evaluatedBy, Timescale timescale) {
        ActionDetails details() {
            return new ActionDetails(title, priorities, List.of(), leads, null, resources, costPounds, monitoredBy,
                                     evaluatedBy, timescale, costBasis, fundingSource);
        }
    }

    record RagRequest(@NotNull HalfTerm halfTerm, @NotNull Rag status, @NotBlank @Size(max = 4000) String rationale,
                      List<@NotBlank String> evidence) {
    }

    record PlanWritten(String planId) {
    }

    record PriorityWritten(String planId, String code) {
    }

    record ActionWritten(String planId, String actionId) {
    }

    record SchoolJudged(String planId, String actionId, String urn, String status) {
    }

    private final CommandSender commands;

    TrustPlanController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/plans")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlanWritten> create(@PathVariable String trustId, @Valid @RequestBody PlanRequest request) {
        String planId = TrustPlanCommands.planId(trustId, request.fromYear());
        commands.send(new CreateTrustPlan(planId, trustId, request.title(), request.fromYear(), request.toYear()));
        return created(new PlanWritten(planId));
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/plans/{planId}/priorities")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PriorityWritten> addPriority(@PathVariable String trustId, @PathVariable String planId,
                                                @Valid @RequestBody PriorityRequest request) {
        commands.send(new AddTrustPriority(planId, trustId, request.code(), request.statement()));
        return created(new PriorityWritten(planId, request.code()));
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/plans/{planId}/actions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActionWritten> addAction(@PathVariable String trustId, @PathVariable String planId,
                                            @Valid @RequestBody ActionRequest request) {
        String actionId = UUID.randomUUID().toString();
        commands.send(new AddTrustAction(planId, trustId, actionId, request.number(), request.details(),
                                         request.takingPart()));
        return created(new ActionWritten(planId, actionId));
    }

    /** How the trust's action goes at this school, judged by its senior leaders or the trust's officers. */
    @Allowed(value = Who.LEADERS_AND_TRUST_OFFICERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/trust-plans/{planId}/actions/{actionId}/rag")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<SchoolJudged> judge(@PathVariable String urn, @PathVariable String planId,
                                       @PathVariable String actionId, @Valid @RequestBody RagRequest request) {
        commands.send(new JudgeTrustActionRag(planId, actionId, urn, request.halfTerm(), request.status(),
                                              request.rationale(), request.evidence(), Actor.current().userId()));
        return created(new SchoolJudged(planId, actionId, urn, request.status().name()));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
