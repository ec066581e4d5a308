package school.evidence.command.plan;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CarryForwardAction;
import school.evidence.kernel.plan.PlanCommands.CancelPlannedMonitoring;
import school.evidence.kernel.plan.PlanCommands.ClosePlan;
import school.evidence.kernel.plan.PlanCommands.PlanMonitoring;
import school.evidence.kernel.plan.PlanCommands.RevisePlannedMonitoring;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanCommands.JudgeCriterionRag;
import school.evidence.kernel.plan.PlanCommands.PublishPlan;
import school.evidence.kernel.plan.PlanCommands.ReviseAction;
import school.evidence.kernel.plan.PlanCommands.RevisePriority;
import school.evidence.kernel.plan.PlanCommands.ReviseSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.WithdrawAction;
import school.evidence.kernel.plan.PlanCommands.WithdrawPriority;
import school.evidence.kernel.plan.PlanCommands.WithdrawSuccessCriterion;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.school.Urn;
import school.evidence.platform.access.Actor;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Building, revising and judging a plan: senior leaders only. */
@RestController
@Tag(name = "Improvement plans")
class PlanController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record ActionJudged(String planId, String actionId, Long version) {
    }

    record CriterionJudged(String planId, String criterionId, Long version) {
    }

    record PlanStatus(String planId, String status) {
    }

    record PlanCreated(String planId) {
    }

    record PriorityWritten(String code) {
    }

    record SectionAdded(String sectionId) {
    }

    record ActionWritten(String actionId) {
    }

    record CriterionWritten(String criterionId) {
    }

    record PlannedWritten(String plannedId) {
    }

    record CreatePlanRequest(@NotBlank @Pattern(regexp = AcademicYear.PATTERN, message = "must look like 2023-24")
                             String academicYear,
                             @NotBlank @Size(max = 300) String title) {
    }

    record PriorityRequest(@NotBlank @Pattern(regexp = "P\\d{1,3}", message = "must look like P1") String code,
                           @NotBlank @Size(max = 2000) String statement,
                           Set<HalfTerm> dueBy) {
    }

    record PriorityRevision(@NotBlank @Size(max = 2000) String statement, Set<HalfTerm> dueBy,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record SectionRequest(@NotBlank @Size(max = 300) String title, @Size(max = 2000) String aim,
                          List<@NotBlank @Size(max = 200) String> ethosLinks, Set<OfstedArea> ofstedAreas) {
    }

    record ActionRequest(@NotBlank String sectionId,
                         @NotBlank @Size(max = 20) String number,
                         @NotBlank @Size(max = 2000) String title,
                         List<@NotBlank String> priorities,
                         List<@Pattern(regexp = "OA\\d{1,3}", message = "must look like OA1") String> ofstedActions,
                         List<@NotBlank @Size(max = 100) String> leads,
                         @Size(max = 100) String governorLink,
                         @Size(max = 2000) String resources,
                         @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costPounds,
                         List<@NotBlank @Size(max = 100) String> monitoredBy,
                         List<@NotBlank @Size(max = 100) String> evaluatedBy,
                         Timescale timescale, CostBasis costBasis, @Size(max = 200) String fundingSource,
                         @Size(max = 20) List<@NotBlank String> supports) {
        ActionDetails details() {
            return new ActionDetails(title, priorities, ofstedActions, leads, governorLink, resources, costPounds,
                                     monitoredBy, evaluatedBy, timescale, costBasis, fundingSource, supports);
        }
    }

    record ActionRevision(@NotBlank @Size(max = 2000) String title,
                          List<@NotBlank String> priorities,
                          List<@Pattern(regexp = "OA\\d{1,3}", message = "must look like OA1") String> ofstedActions,
                          List<@NotBlank @Size(max = 100) String> leads,
                          @Size(max = 100) String governorLink,
                          @Size(max = 2000) String resources,
                          @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costPounds,
                          List<@NotBlank @Size(max = 100) String> monitoredBy,
                          List<@NotBlank @Size(max = 100) String> evaluatedBy,
                          Timescale timescale, CostBasis costBasis, @Size(max = 200) String fundingSource,
                          @Size(max = 20) List<@NotBlank String> supports,
                          @NotBlank @Size(max = 2000) String reason) {
        ActionDetails details() {
            return new ActionDetails(title, priorities, ofstedActions, leads, governorLink, resources, costPounds,
                                     monitoredBy, evaluatedBy, timescale, costBasis, fundingSource, supports);
        }
    }

    record CarryForwardRequest(@NotBlank String sectionId, @NotBlank @Size(max = 20) String number,
                               @NotBlank String fromPlanId, @NotBlank String fromActionId) {
    }

    record CriterionRequest(@NotEmpty Set<HalfTerm> halfTerms, @NotBlank @Size(max = 2000) String text) {
    }

    record CriterionRevision(@NotEmpty Set<HalfTerm> halfTerms, @NotBlank @Size(max = 2000) String text,
                             @NotBlank @Size(max = 2000) String reason) {
    }

    record RagRequest(@NotNull HalfTerm halfTerm, @NotNull Rag status,
                      @NotBlank @Size(max = 4000) String rationale,
                      List<@NotBlank String> evidence) {
    }

    record PlannedRequest(@NotNull HalfTerm halfTerm, @NotNull MonitoringType type, @Size(max = 100) String subject,
                          List<@NotBlank String> actionIds, @NotBlank @Size(max = 100) String who) {
    }

    record PlannedRevision(@NotNull HalfTerm halfTerm, @NotNull MonitoringType type, @Size(max = 100) String subject,
                           List<@NotBlank String> actionIds, @NotBlank @Size(max = 100) String who,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;

    PlanController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/plans")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlanCreated> create(@PathVariable String urn,
                                               @Valid @RequestBody CreatePlanRequest request) {
        if (!Urn.isValid(urn)) {
            throw Rejection.invalid("urn", "urn must be exactly six digits");
        }
        String planId = PlanId.of(urn, request.academicYear());
        commands.send(new CreateImprovementPlan(planId, urn, request.academicYear(), request.title()));
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(new PlanCreated(planId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/priorities")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PriorityWritten> addPriority(@PathVariable String planId,
                                                    @Valid @RequestBody PriorityRequest request) {
        commands.send(new AddPriority(planId, request.code(), request.statement(), request.dueBy()));
        return created(new PriorityWritten(request.code()));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/priorities/{code}/revisions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PriorityWritten> revisePriority(@PathVariable String planId, @PathVariable String code,
                                                       @Valid @RequestBody PriorityRevision request) {
        commands.send(new RevisePriority(planId, code, request.statement(), request.dueBy(), request.reason()));
        return created(new PriorityWritten(code));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/priorities/{code}/withdrawal")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PriorityWritten> withdrawPriority(@PathVariable String planId, @PathVariable String code,
                                                         @Valid @RequestBody Reason request) {
        commands.send(new WithdrawPriority(planId, code, request.reason()));
        return created(new PriorityWritten(code));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/sections")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<SectionAdded> addSection(@PathVariable String planId,
                                                   @Valid @RequestBody SectionRequest request) {
        String sectionId = newId();
        commands.send(new AddSection(planId, sectionId, new SectionDetails(request.title(), request.aim(),
                                                                           request.ethosLinks(), request.ofstedAreas())));
        return created(new SectionAdded(sectionId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActionWritten> addAction(@PathVariable String planId,
                                                  @Valid @RequestBody ActionRequest request) {
        String actionId = newId();
        commands.send(new AddAction(planId, actionId, request.sectionId(), request.number(), request.details()));
        return created(new ActionWritten(actionId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/revisions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActionWritten> reviseAction(@PathVariable String planId, @PathVariable String actionId,
                                                     @Valid @RequestBody ActionRevision request) {
        commands.send(new ReviseAction(planId, actionId, request.details(), request.reason()));
        return created(new ActionWritten(actionId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/withdrawal")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActionWritten> withdrawAction(@PathVariable String planId, @PathVariable String actionId,
                                                       @Valid @RequestBody Reason request) {
        commands.send(new WithdrawAction(planId, actionId, request.reason()));
        return created(new ActionWritten(actionId));
    }

    /** Brings an unfinished action from an earlier year's plan of the same school into this plan. */
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/carried-actions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActionWritten> carryForward(@PathVariable String planId,
                                                     @Valid @RequestBody CarryForwardRequest request) {
        String actionId = newId();
        commands.send(new CarryForwardAction(planId, actionId, request.sectionId(), request.number(),
                                             request.fromPlanId(), request.fromActionId()));
        return created(new ActionWritten(actionId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/criteria")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<CriterionWritten> addCriterion(@PathVariable String planId, @PathVariable String actionId,
                                                     @Valid @RequestBody CriterionRequest request) {
        String criterionId = newId();
        commands.send(new AddSuccessCriterion(planId, actionId, criterionId, request.text(), request.halfTerms()));
        return created(new CriterionWritten(criterionId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/revisions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<CriterionWritten> reviseCriterion(@PathVariable String planId, @PathVariable String actionId,
                                                        @PathVariable String criterionId,
                                                        @Valid @RequestBody CriterionRevision request) {
        commands.send(new ReviseSuccessCriterion(planId, actionId, criterionId, request.text(), request.halfTerms(),
                                                 request.reason()));
        return created(new CriterionWritten(criterionId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/withdrawal")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<CriterionWritten> withdrawCriterion(@PathVariable String planId, @PathVariable String actionId,
                                                          @PathVariable String criterionId,
                                                          @Valid @RequestBody Reason request) {
        commands.send(new WithdrawSuccessCriterion(planId, actionId, criterionId, request.reason()));
        return created(new CriterionWritten(criterionId));
    }

    /**
     * Judges an action's RAG. With {@code If-Match: "<version>"} (the plan's ETag as read) the judgement is refused
     * with 409 if anyone changed the plan since, so two leaders cannot silently overwrite each other.
     */
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/rag")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ActionJudged> judge(@PathVariable String planId, @PathVariable String actionId,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody RagRequest request) {
        Long version = commands.send(new JudgeActionRag(planId, actionId, request.halfTerm(), request.status(),
                                                        request.rationale(), request.evidence(),
                                                        Actor.current().userId(), Versions.parse(ifMatch)));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(new ActionJudged(planId, actionId, version));
    }

    /** Judges one success criterion; If-Match works as for an action. */
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/rag")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<CriterionJudged> judgeCriterion(@PathVariable String planId, @PathVariable String actionId,
                                                       @PathVariable String criterionId,
                                                       @RequestHeader(name = "If-Match", required = false)
                                                       String ifMatch,
                                                       @Valid @RequestBody RagRequest request) {
        Long version = commands.send(new JudgeCriterionRag(planId, actionId, criterionId, request.halfTerm(),
                                                           request.status(), request.rationale(), request.evidence(),
                                                           Actor.current().userId(), Versions.parse(ifMatch)));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(version))
                             .body(new CriterionJudged(planId, criterionId, version));
    }

    /** Plans monitoring for a half-term; recording an activity with {@code fulfils} carries it out. */
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/schedule")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlannedWritten> planMonitoring(@PathVariable String planId,
                                                       @Valid @RequestBody PlannedRequest request) {
        String plannedId = newId();
        commands.send(new PlanMonitoring(planId, plannedId, request.halfTerm(), request.type(), request.subject(),
                                         request.actionIds(), request.who()));
        return created(new PlannedWritten(plannedId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/schedule/{plannedId}/revisions")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlannedWritten> revisePlanned(@PathVariable String planId, @PathVariable String plannedId,
                                                      @Valid @RequestBody PlannedRevision request) {
        commands.send(new RevisePlannedMonitoring(planId, plannedId, request.halfTerm(), request.type(),
                                                  request.subject(), request.actionIds(), request.who(),
                                                  request.reason()));
        return created(new PlannedWritten(plannedId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/schedule/{plannedId}/cancellation")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlannedWritten> cancelPlanned(@PathVariable String planId, @PathVariable String plannedId,
                                                      @Valid @RequestBody Reason request) {
        commands.send(new CancelPlannedMonitoring(planId, plannedId, request.reason()));
        return created(new PlannedWritten(plannedId));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/publication")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlanStatus> publish(@PathVariable String planId) {
        commands.send(new PublishPlan(planId));
        return created(new PlanStatus(planId, "PUBLISHED"));
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/closure")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PlanStatus> close(@PathVariable String planId, @Valid @RequestBody Reason request) {
        commands.send(new ClosePlan(planId, request.reason()));
        return created(new PlanStatus(planId, "CLOSED"));
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
