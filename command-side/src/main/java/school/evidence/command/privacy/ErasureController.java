package school.evidence.command.privacy;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.privacy.PrivacyCommands.RecordErasure;
import school.evidence.platform.privacy.SubjectKeys;

import java.util.Map;
import java.util.UUID;

/**
 * Erasure of a person at a school (right to erasure): their key is destroyed first, then the erasure is recorded (by
 * key id, never by name). Every field encrypted under the key reads "[erased]" from then on; read models are rebuilt
 * without it by the query side when it sees the event.
 */
@RestController
@Tag(name = "Personal data")
class ErasureController {

    record ErasureRequest(@NotBlank @Size(max = 200) String person, @NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final SubjectKeys keys;

    ErasureController(CommandSender commands, SubjectKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    @PostMapping("/api/schools/{urn}/erasures")
    ResponseEntity<Map<String, String>> erase(@PathVariable String urn, @Valid @RequestBody ErasureRequest request) {
        String subject = SubjectKeys.person(urn, request.person());
        if (keys.status(subject) == SubjectKeys.Status.NONE) {
            throw Rejection.notFound("person", "Nothing is recorded about that person at this school");
        }
        // destroyed first: if recording the erasure then fails, a retry finds the tombstone and records it
        String keyId = keys.erase(subject).orElseGet(() -> keys.erasedKeyIdOf(subject).orElseThrow());
        String erasureId = UUID.randomUUID().toString();
        commands.send(new RecordErasure(erasureId, urn, keyId, request.reason()), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("erasureId", erasureId, "subjectKeyId", keyId));
    }
}
