package school.evidence.command.plan;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
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
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.school.Urn;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports a whole plan from the template, as CSV ({@code Content-Type: text/csv}) or as an XLSX workbook. A file
 * with any bad row is refused whole, listing every problem by row and column, and nothing is written.
 */
@RestController
@Tag(name = "Improvement plans")
class PlanImportController {

    /** The plan made, and how many of each part it was given (the ledger's receipts are added to the reply). */
    record PlanImported(String planId, int priorities, int sections, int actions, int criteria) {
    }

    static final String XLSX = TemplateUpload.XLSX;

    private final CommandSender commands;
    private final PlanLookup plans;

    PlanImportController(CommandSender commands, PlanLookup plans) {
        this.commands = commands;
        this.plans = plans;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping(path = "/api/schools/{urn}/plan-imports", consumes = {"text/csv", XLSX})
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlanImported> importPlan(@PathVariable String urn,
                                                   @RequestParam String academicYear,
                                                   @RequestParam String title,
                                                   @RequestHeader("Content-Type") String contentType,
                                                   @RequestBody byte[] file) throws IOException {
        if (!Urn.isValid(urn)) {
            throw Rejection.invalid("urn", "urn must be exactly six digits");
        }
        if (!AcademicYear.isValid(academicYear)) {
            throw Rejection.invalid("academicYear", "academicYear must look like 2023-24");
        }
        if (title.isBlank() || title.length() > 300) {
            throw Rejection.invalid("title", "title must be 1 to 300 characters");
        }
        PlanTemplate.Plan plan = TemplateUpload.read(file, contentType, PlanTemplate.Owner.SCHOOL);
        String planId = PlanId.of(urn, academicYear);
        if (plans.find(planId).isPresent()) {
            throw Rejection.conflict("academicYear", "The school already has a plan for " + academicYear);
        }
        // everything was checked above; from here each row is one ordinary command
        commands.send(new CreateImprovementPlan(planId, urn, academicYear, title));
        for (PlanTemplate.Priority p : plan.priorities()) {
            commands.send(new AddPriority(planId, p.code(), p.statement(), p.dueBy()));
        }
        Map<String, String> sectionIds = new HashMap<>();
        for (PlanTemplate.Section s : plan.sections()) {
            String id = UUID.randomUUID().toString();
            sectionIds.put(s.title(), id);
            commands.send(new AddSection(planId, id, new SectionDetails(s.title(), s.aim(), s.ethosLinks(),
                                                                        s.ofstedAreas())));
        }
        Map<String, String> actionIds = new HashMap<>();
        for (PlanTemplate.Action a : plan.actions()) {
            String id = UUID.randomUUID().toString();
            actionIds.put(a.section() + "#" + a.number(), id);
            commands.send(new AddAction(planId, id, sectionIds.get(a.section()), a.number(), a.details()));
        }
        for (PlanTemplate.Criterion c : plan.criteria()) {
            commands.send(new AddSuccessCriterion(planId, actionIds.get(c.section() + "#" + c.number()),
                                                  UUID.randomUUID().toString(), c.text(), c.halfTerms()));
        }
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(new PlanImported(
                planId, plan.priorities().size(), plan.sections().size(), plan.actions().size(), plan.criteria().size()));
    }

    @ExceptionHandler(TemplateUpload.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(TemplateUpload.Rejected e) {
        return TemplateUpload.problem(e);
    }
}
