package school.evidence.command.plan;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Slug;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.PlanCommands.AddSubjectAction;
import school.evidence.kernel.plan.PlanCommands.AddSubjectPlan;
import school.evidence.kernel.plan.SubjectPlanDetails;
import school.evidence.kernel.plan.Timescale;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Subject leaders' action plans inside the school's plan for the year: a subject, phase or area plan, and its
 * actions, each supporting actions of the school's plan. Subject leaders write them as well as senior leaders; the
 * school plan's own sections stay with senior leaders ({@link PlanController}).
 */
@RestController
@Tag(name = "Plans")
class SubjectPlanController {

    record SubjectPlanRequest(@NotBlank @Size(max = 100) String area, @NotNull SubjectPlanDetails.Kind kind,
                              @NotBlank @Size(max = 100) String leader, @Size(max = 300) String title) {
    }

    /** What a subject plan's action says: the school plan's fields a subject leader writes, and what it supports. */
    record SubjectActionRequest(@NotBlank @Size(max = 20) String number, @NotBlank @Size(max = 2000) String title,
                                List<@NotBlank String> priorities, List<@NotBlank @Size(max = 100) String> leads,
                                @Size(max = 2000) String resources,
                                @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costPounds,
                                CostBasis costBasis, @Size(max = 200) String fundingSource,
                                List<@NotBlank @Size(max = 100) String> monitoredBy,
                                List<@NotBlank @Size(max = 100) String> evaluatedBy, Timescale timescale,
                                @Size(max = 20) List<@NotBlank String> supports) {
        ActionDetails details() {
            return new ActionDetails(title, priorities, List.of(), leads, null, resources, costPounds, monitoredBy,
                                     evaluatedBy, timescale, costBasis, fundingSource, supports);
        }
    }

    record SubjectPlanWritten(String subjectPlanId) {
    }

    record SubjectActionWritten(String subjectPlanId, String actionId) {
    }

    private final CommandSender commands;

    SubjectPlanController(CommandSender commands) {
        this.commands = commands;
    }

    /** The subject plan's id is its area's, readable in its page's address: "Design & technology" → design-and-technology. */
    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/subject-plans")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<SubjectPlanWritten> add(@PathVariable String planId, @Valid @RequestBody SubjectPlanRequest request) {
        String id = Slug.of(request.area());
        String subjectPlanId = id.isEmpty() ? UUID.randomUUID().toString() : id;
        commands.send(new AddSubjectPlan(planId, subjectPlanId, new SubjectPlanDetails(
                request.area(), request.kind(), request.leader(), request.title())));
        return ResponseEntity.status(HttpStatus.CREATED).body(new SubjectPlanWritten(subjectPlanId));
    }

    @Allowed(value = Who.LEADERS_AND_SUBJECT_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/subject-plans/{subjectPlanId}/actions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<SubjectActionWritten> addAction(@PathVariable String planId, @PathVariable String subjectPlanId,
                                                   @Valid @RequestBody SubjectActionRequest request) {
        String actionId = UUID.randomUUID().toString();
        commands.send(new AddSubjectAction(planId, subjectPlanId, actionId, request.number(), request.details()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new SubjectActionWritten(subjectPlanId, actionId));
    }
}
