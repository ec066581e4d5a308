package school.evidence.command.plan;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.PlanCommands.LinkPriorityToTrust;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

/** A school's priority feeding a priority of its trust's plan: the trust then sees the school's actions under it. */
@RestController
@Tag(name = "Plans")
class TrustLinkController {

    record LinkRequest(@NotBlank @Size(max = 200) String trustPlanId, @NotBlank @Size(max = 10) String trustPriority) {
    }

    record PriorityLinked(String planId, String code, String trustPlanId, String trustPriority) {
    }

    private final CommandSender commands;

    TrustLinkController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/priorities/{code}/trust-link")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PriorityLinked> link(@PathVariable String planId, @PathVariable String code,
                                        @Valid @RequestBody LinkRequest request) {
        commands.send(new LinkPriorityToTrust(planId, code, request.trustPlanId(), request.trustPriority()));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new PriorityLinked(planId, code, request.trustPlanId(), request.trustPriority()));
    }
}
