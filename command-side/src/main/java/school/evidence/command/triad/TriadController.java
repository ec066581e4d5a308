package school.evidence.command.triad;

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
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.school.Urn;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadCommands.AgreedAction;
import school.evidence.kernel.triad.TriadCommands.FormTriad;
import school.evidence.kernel.triad.TriadCommands.RecordTriadReview;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Triad reviews: a trust's officers form triads of three of its schools; a review of a school by its partners is
 * recorded in that school's plan for the year by its senior leaders or the trust's officers, with the actions it agreed.
 */
@RestController
@Tag(name = "Triad reviews")
class TriadController {

    /** @param schools three URNs in rota order: reviewed in the autumn, spring and summer terms */
    record TriadRequest(@NotBlank @Size(max = 100) String name,
                        @NotBlank @Pattern(regexp = AcademicYear.PATTERN, message = "must look like 2025-26") String academicYear,
                        @NotNull List<@Pattern(regexp = Urn.PATTERN, message = "must be exactly six digits") String> schools) {
    }

    /** An agreed action: the fields of a plan's action, and the section of the reviewed school's plan it goes in. */
    record AgreedActionRequest(@NotBlank String sectionId, @NotBlank @Size(max = 20) String number,
                               @NotBlank @Size(max = 2000) String title, List<@NotBlank String> priorities,
                               List<@NotBlank @Size(max = 100) String> leads, @Size(max = 2000) String resources,
                               @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal costPounds,
                               CostBasis costBasis, @Size(max = 200) String fundingSource,
                               List<@NotBlank @Size(max = 100) String> monitoredBy,
                               List<@NotBlank @Size(max = 100) String> evaluatedBy, Timescale timescale) {
        AgreedAction agreed() {
            return new AgreedAction(UUID.randomUUID().toString(), sectionId, number, new ActionDetails(
                    title, priorities, List.of(), leads, null, resources, costPounds, monitoredBy, evaluatedBy,
                    timescale, costBasis, fundingSource));
        }
    }

    record ReviewRequest(@NotBlank String trustId, @NotBlank String triadId, @NotNull Term term,
                         @NotNull LocalDate reviewedOn, @Size(max = 10) List<@NotBlank @Size(max = 200) String> reviewers,
                         @NotBlank @Size(max = 2000) String focus,
                         @Size(max = 50) List<@NotBlank @Size(max = 4000) String> findings,
                         @Size(max = 20) List<@Valid AgreedActionRequest> actions) {
    }

    record TriadFormed(String triadId) {
    }

    record ReviewRecorded(String planId, String reviewId, List<String> actionIds) {
    }

    private final CommandSender commands;

    TriadController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/triads")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<TriadFormed> form(@PathVariable String trustId, @Valid @RequestBody TriadRequest request) {
        String triadId = Triads.idOf(request.name(), request.academicYear());
        commands.send(new FormTriad(trustId, triadId, request.name(), request.academicYear(), request.schools()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new TriadFormed(triadId));
    }

    @Allowed(value = Who.LEADERS_AND_TRUST_OFFICERS, scope = ScopeKind.PLAN)
    @PostMapping("/api/plans/{planId}/triad-reviews")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<ReviewRecorded> record(@PathVariable String planId, @Valid @RequestBody ReviewRequest request) {
        String reviewId = UUID.randomUUID().toString();
        List<AgreedAction> actions = request.actions() == null ? List.of()
                : request.actions().stream().map(AgreedActionRequest::agreed).toList();
        commands.send(new RecordTriadReview(planId, reviewId, request.trustId(), request.triadId(), request.term(),
                                            request.reviewedOn(), request.reviewers(), request.focus(),
                                            request.findings(), actions));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new ReviewRecorded(planId, reviewId, actions.stream().map(AgreedAction::actionId)
                                                                              .toList()));
    }
}
