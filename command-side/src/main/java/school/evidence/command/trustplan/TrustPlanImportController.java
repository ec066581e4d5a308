package school.evidence.command.trustplan;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.command.plan.PlanTemplate;
import school.evidence.command.plan.TemplateUpload;
import school.evidence.command.trust.TrustMembers;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.trustplan.TrustPlanCommands;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustAction;
import school.evidence.kernel.trustplan.TrustPlanCommands.AddTrustPriority;
import school.evidence.kernel.trustplan.TrustPlanCommands.CreateTrustPlan;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a trust's or local authority's whole plan from the plan template (CSV or XLSX): PRIORITY, ACTION (with the
 * member schools taking part) and MILESTONE rows. A file with any bad row, or naming a school outside the
 * organisation, is refused whole by row and column, and nothing is written.
 */
@RestController
@Tag(name = "Trust plans")
class TrustPlanImportController {

    record PlanImported(String planId, int priorities, int actions) {
    }

    private final CommandSender commands;
    private final TrustMembers trusts;
    private final TrustPlanLookup plans;

    TrustPlanImportController(CommandSender commands, TrustMembers trusts, TrustPlanLookup plans) {
        this.commands = commands;
        this.trusts = trusts;
        this.plans = plans;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping(path = "/api/trusts/{trustId}/plan-imports", consumes = {"text/csv", TemplateUpload.XLSX})
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlanImported> importPlan(@PathVariable String trustId, @RequestParam String fromYear,
                                            @RequestParam(required = false) String toYear,
                                            @RequestParam String title,
                                            @RequestHeader("Content-Type") String contentType,
                                            @RequestBody byte[] file) {
        if (!AcademicYear.isValid(fromYear)) {
            throw Rejection.invalid("fromYear", "fromYear must look like 2025-26");
        }
        if (toYear != null && (!AcademicYear.isValid(toYear) || toYear.compareTo(fromYear) < 0)) {
            throw Rejection.invalid("toYear", "toYear must look like 2027-28 and not be before fromYear");
        }
        if (title.isBlank() || title.length() > 300) {
            throw Rejection.invalid("title", "title must be 1 to 300 characters");
        }
        Set<String> members = trusts.of(trustId).orElseThrow(
                () -> Rejection.notFound("trustId", "No trust or local authority " + trustId));
        PlanTemplate.Plan plan = TemplateUpload.read(file, contentType, PlanTemplate.Owner.organisation(members));
        String planId = TrustPlanCommands.planId(trustId, fromYear);
        if (plans.find(planId).isPresent()) {
            throw Rejection.conflict("fromYear", "The plan starting " + fromYear + " already exists");
        }
        // everything was checked above; from here each row is one ordinary command
        commands.send(new CreateTrustPlan(planId, trustId, title, fromYear, toYear));
        for (PlanTemplate.Priority p : plan.priorities()) {
            commands.send(new AddTrustPriority(planId, trustId, p.code(), p.statement()));
        }
        for (PlanTemplate.Action a : plan.actions()) {
            commands.send(new AddTrustAction(planId, trustId, UUID.randomUUID().toString(), a.number(), a.details(),
                                             a.takingPart()));
        }
        return ResponseEntity.created(URI.create("/api/trusts/" + trustId + "/plans/" + planId))
                             .body(new PlanImported(planId, plan.priorities().size(), plan.actions().size()));
    }

    @ExceptionHandler(TemplateUpload.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(TemplateUpload.Rejected e) {
        return TemplateUpload.problem(e);
    }
}
