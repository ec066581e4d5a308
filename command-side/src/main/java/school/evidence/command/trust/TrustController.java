package school.evidence.command.trust;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import org.springframework.security.access.AccessDeniedException;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import school.evidence.kernel.school.Urn;
import school.evidence.kernel.trust.TrustCommands.AddSchoolToTrust;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.OrganisationKind;
import school.evidence.kernel.trust.TrustCommands.RegisterTrust;

import java.time.LocalDate;
import java.util.List;

/** Trusts: officers register them and set phases; a school's senior leader has it join (see AccessRules). */
@RestController
@Tag(name = "Trusts")
class TrustController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record SchoolJoined(String trustId, String urn) {
    }

    record PhaseSet(String urn, String phase) {
    }

    record TrustCreated(String trustId) {
    }

    record TrustRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "use lower-case letters, digits and dashes")
                        String trustId, @NotBlank @Size(max = 200) String name, OrganisationKind kind) {
    }

    /** @param indicativeMeasures what the phase rests on, e.g. "KS2 below floor", "Ofsted grade 4" (optional) */
    record MemberRequest(@NotBlank @Pattern(regexp = Urn.PATTERN, message = "must be exactly six digits") String urn,
                         @NotNull ImprovementPhase phase, @NotNull LocalDate joinedOn,
                         @Size(max = 20) List<@NotBlank @Size(max = 500) String> indicativeMeasures) {
    }

    record PhaseRequest(@NotNull ImprovementPhase phase, @NotNull LocalDate effectiveOn,
                        @NotBlank @Size(max = 2000) String reason,
                        @Size(max = 20) List<@NotBlank @Size(max = 500) String> indicativeMeasures) {
    }

    private final CommandSender commands;

    TrustController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.BODY_TRUST)
    @PostMapping("/api/trusts")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<TrustCreated> register(@Valid @RequestBody TrustRequest request) {
        if (!Caller.current().holds(Role.TRUST_OFFICER, request.trustId())) {
            throw new AccessDeniedException("Not an officer of trust " + request.trustId());
        }
        commands.send(new RegisterTrust(request.trustId(), request.name(), request.kind()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new TrustCreated(request.trustId()));
    }

    // a school joins a trust on its senior leader's word (checked on the body's URN): joining opens its records to
    // the trust's officers, so a trust officer cannot pull a school in
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.BODY_SCHOOL)
    @PostMapping("/api/trusts/{trustId}/schools")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<SchoolJoined> addSchool(@PathVariable String trustId, @Valid @RequestBody MemberRequest request) {
        // joining a trust opens the school's records to the trust's officers: the school's own senior leader decides
        if (!Caller.current().holds(Role.SENIOR_LEADER, request.urn())) {
            throw new AccessDeniedException("Not a member of school " + request.urn());
        }
        commands.send(new AddSchoolToTrust(trustId, request.urn(), request.phase(), request.joinedOn(),
                                           request.indicativeMeasures()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new SchoolJoined(trustId, request.urn()));
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/schools/{urn}/phase")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<PhaseSet> changePhase(@PathVariable String trustId, @PathVariable String urn,
                                                    @Valid @RequestBody PhaseRequest request) {
        commands.send(new ChangeImprovementPhase(trustId, urn, request.phase(), request.effectiveOn(), request.reason(),
                                                 request.indicativeMeasures()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new PhaseSet(urn, request.phase().name()));
    }
}
