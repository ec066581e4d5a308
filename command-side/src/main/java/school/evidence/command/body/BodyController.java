package school.evidence.command.body;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import school.evidence.kernel.body.BodyCommands;
import school.evidence.kernel.body.BodyCommands.RegisterSchoolBody;
import school.evidence.kernel.body.BodyCommands.RegisterTrustBody;
import school.evidence.kernel.body.BodyKind;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

/**
 * The bodies a plan may name as leading, monitoring or evaluating an action: a school's (its governing board and
 * committees) registered by its senior leaders, a trust's (its board, its partnerships, its advisers) by its officers.
 */
@RestController
@Tag(name = "Bodies")
class BodyController {

    /** @param remit what the body is for, in a sentence (optional) */
    record BodyRequest(@NotBlank @Size(max = 200) String name, @NotNull BodyKind kind, @Size(max = 500) String remit) {
    }

    /** The reply: the body's id within its organisation (the ledger's receipts are added to it). */
    record BodyRegistered(String bodyId, String name) {
    }

    private final CommandSender commands;

    BodyController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/bodies")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<BodyRegistered> registerForSchool(@PathVariable String urn, @Valid @RequestBody BodyRequest request) {
        commands.send(new RegisterSchoolBody(urn, request.name(), request.kind(), request.remit()));
        return created(request);
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/bodies")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<BodyRegistered> registerForTrust(@PathVariable String trustId,
                                                    @Valid @RequestBody BodyRequest request) {
        commands.send(new RegisterTrustBody(trustId, request.name(), request.kind(), request.remit()));
        return created(request);
    }

    private static ResponseEntity<BodyRegistered> created(BodyRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new BodyRegistered(BodyCommands.idOf(request.name()), request.name().strip()));
    }
}
