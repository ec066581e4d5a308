package school.evidence.command.plan;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.school.Urn;
import school.evidence.platform.web.Actor;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Building a plan and judging its actions: senior leaders only. */
@RestController
@Tag(name = "Improvement plans")
@PreAuthorize("hasRole('SENIOR_LEADER')")
class PlanController {

    record CreatePlanRequest(@NotBlank @Pattern(regexp = AcademicYear.PATTERN, message = "must look like 2023-24")
                             String academicYear,
                             @NotBlank @Size(max = 300) String title) {
    }

    record PriorityRequest(@NotBlank @Pattern(regexp = "P\\d{1,3}", message = "must look like P1") String code,
                           @NotBlank @Size(max = 2000) String statement,
                           Set<HalfTerm> dueBy) {
    }

    record SectionRequest(@NotBlank @Size(max = 300) String title, Set<OfstedArea> ofstedAreas) {
    }

    record ActionRequest(@NotBlank String sectionId,
                         @NotBlank @Size(max = 20) String number,
                         @NotBlank @Size(max = 2000) String title,
                         List<@NotBlank String> priorities,
                         List<@NotBlank @Size(max = 100) String> leads,
                         @Size(max = 100) String governorLink) {
    }

    record CriterionRequest(@NotEmpty Set<HalfTerm> halfTerms, @NotBlank @Size(max = 2000) String text) {
    }

    record RagRequest(@NotNull HalfTerm halfTerm, @NotNull Rag status,
                      @NotBlank @Size(max = 4000) String rationale,
                      List<@NotBlank String> evidence) {
    }

    private final CommandSender commands;

    PlanController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/schools/{urn}/plans")
    ResponseEntity<Map<String, String>> create(@PathVariable String urn,
                                               @Valid @RequestBody CreatePlanRequest request) {
        if (!Urn.isValid(urn)) {
            throw Rejection.invalid("urn", "urn must be exactly six digits");
        }
        String planId = PlanId.of(urn, request.academicYear());
        commands.send(new CreateImprovementPlan(planId, urn, request.academicYear(), request.title()));
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(Map.of("planId", planId));
    }

    @PostMapping("/api/plans/{planId}/priorities")
    ResponseEntity<Map<String, String>> addPriority(@PathVariable String planId,
                                                    @Valid @RequestBody PriorityRequest request) {
        commands.send(new AddPriority(planId, request.code(), request.statement(), request.dueBy()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("code", request.code()));
    }

    @PostMapping("/api/plans/{planId}/sections")
    ResponseEntity<Map<String, String>> addSection(@PathVariable String planId,
                                                   @Valid @RequestBody SectionRequest request) {
        String sectionId = newId();
        commands.send(new AddSection(planId, sectionId, request.title(), request.ofstedAreas()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sectionId", sectionId));
    }

    @PostMapping("/api/plans/{planId}/actions")
    ResponseEntity<Map<String, String>> addAction(@PathVariable String planId,
                                                  @Valid @RequestBody ActionRequest request) {
        String actionId = newId();
        commands.send(new AddAction(planId, actionId, request.sectionId(), request.number(), request.title(),
                                    request.priorities(), request.leads(), request.governorLink()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("actionId", actionId));
    }

    @PostMapping("/api/plans/{planId}/actions/{actionId}/criteria")
    ResponseEntity<Map<String, String>> addCriterion(@PathVariable String planId, @PathVariable String actionId,
                                                     @Valid @RequestBody CriterionRequest request) {
        String criterionId = newId();
        commands.send(new AddSuccessCriterion(planId, actionId, criterionId, request.text(), request.halfTerms()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("criterionId", criterionId));
    }

    /**
     * Judges an action's RAG. With {@code If-Match: "<version>"} (the plan's ETag as read) the judgement is refused
     * with 409 if anyone changed the plan since, so two leaders cannot silently overwrite each other.
     */
    @PostMapping("/api/plans/{planId}/actions/{actionId}/rag")
    ResponseEntity<Map<String, Object>> judge(@PathVariable String planId, @PathVariable String actionId,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody RagRequest request) {
        Long version = commands.send(new JudgeActionRag(planId, actionId, request.halfTerm(), request.status(),
                                                        request.rationale(), request.evidence(),
                                                        Actor.current().userId(), Versions.parse(ifMatch)));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(Map.of("planId", planId, "actionId", actionId, "version", version));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
