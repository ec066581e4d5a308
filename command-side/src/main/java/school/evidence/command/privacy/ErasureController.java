package school.evidence.command.privacy;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.privacy.PeopleAndRoles;
import school.evidence.kernel.privacy.PrivacyCommands.RecordErasure;
import school.evidence.kernel.privacy.PrivacyEvents.DataSubjectErased;
import school.evidence.ledger.LedgerReader;
import school.evidence.platform.privacy.Mentions;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Erasure of a person at a school (right to erasure). Their key is destroyed first; then every record that still
 * names them where it can be read (free text of a record that names them nowhere else, say) is shredded whole, by its
 * record key; then the erasure is recorded, by key ids, never by name. Every such field reads "[erased]" from then on;
 * the read models make the school's documents again when they reach the event, and the reply waits for them. Erasing someone already erased says so
 * and records nothing.
 */
@RestController
@Tag(name = "Personal data")
class ErasureController {

    record ErasureRequest(@NotBlank @Size(max = 200) String person, @NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * @param subjectKeyId  the person's own key, destroyed (null when they had none)
     * @param recordKeyIds  keys of records that still named them, shredded whole
     * @param stillReadable events naming them where no key reaches (stored in clear before this version)
     * @param alreadyErased true when nothing was left to erase and the earlier erasure is answered instead
     * @param readModelsShowIt true when every read model of this node had dropped what was erased before this reply
     *                      (false: still under way when the wait ran out; null: nothing new was erased)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErasureReply(String erasureId, String subjectKeyId, List<String> recordKeyIds, List<String> stillReadable,
                        Boolean alreadyErased, Boolean readModelsShowIt) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final CommandSender commands;
    private final SubjectKeys keys;
    private final Mentions mentions;
    private final LedgerReader ledger;
    private final ErasureWait wait;

    ErasureController(CommandSender commands, SubjectKeys keys, LedgerReader ledger,
                      @Qualifier("eventSerializer") org.axonframework.serialization.Serializer serializer,
                      ErasureWait wait) {
        this.wait = wait;
        this.commands = commands;
        this.keys = keys;
        this.ledger = ledger;
        this.mentions = new Mentions(ledger, (PersonalDataSerializer) serializer);
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/erasures")
    ResponseEntity<ErasureReply> erase(@PathVariable String urn, @Valid @RequestBody ErasureRequest request) {
        String person = checkedPerson(request);
        String subject = SubjectKeys.person(urn, person);
        boolean erasedBefore = keys.status(subject) == SubjectKeys.Status.ERASED;
        Optional<String> personKey = keys.erase(subject);
        List<Mentions.Mention> readable = mentions.of(urn, person);
        List<String> recordKeys = readable.stream().filter(Mentions.Mention::erasable)
                                          .map(m -> keys.erase(SubjectKeys.record(m.recordId())))
                                          .flatMap(Optional::stream).distinct().toList();
        List<String> inClear = readable.stream().filter(m -> !m.erasable()).map(Mentions.Mention::eventKey).toList();
        String subjectKeyId = personKey.orElse(null);
        if (subjectKeyId == null && recordKeys.isEmpty()) {
            if (!erasedBefore) {
                if (inClear.isEmpty()) {
                    throw Rejection.notFound("person", "Nothing is recorded about that person at this school");
                }
                throw Rejection.conflict("person", "The person is named only where the ledger holds it unencrypted "
                        + "(recorded before these fields were personal data): " + inClear);
            }
            String erasedKey = keys.erasedKeyIdOf(subject).orElseThrow();
            Optional<String> earlier = recordedErasureOf(urn, erasedKey);
            if (earlier.isPresent()) {
                return ResponseEntity.ok(new ErasureReply(earlier.get(), null, null, inClear, true, null));
            }
            subjectKeyId = erasedKey; // destroyed before, but the erasure was never recorded (cut off): record it now
        }
        String erasureId = UUID.randomUUID().toString();
        commands.send(new RecordErasure(erasureId, urn, subjectKeyId, recordKeys, request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ErasureReply(erasureId, subjectKeyId, recordKeys,
                                                                               inClear, null, wait.readModelsShowIt()));
    }

    /** The person as named: not a role (roles are not personal data), and not named by the reason, which is kept. */
    static String checkedPerson(ErasureRequest request) {
        String person = request.person().strip();
        if (PeopleAndRoles.isRole(person)) {
            throw Rejection.invalid("person", "'" + person + "' reads as a role or initials, which are not personal "
                    + "data; give the person's name as it is recorded");
        }
        if (Mentions.pattern(person).matcher(request.reason()).find()) {
            throw Rejection.invalid("reason", "The reason must not name the person: it is kept after they are erased");
        }
        return person;
    }

    /** The erasure already recorded for this key, if any (by key id in the ledger; the name is never stored). */
    private Optional<String> recordedErasureOf(String urn, String keyId) {
        List<String> found = new ArrayList<>();
        ledger.forEachInSchoolContaining(urn, LedgerReader.Text.PAYLOAD, keyId, event -> {
            if (event.payloadType().equals(DataSubjectErased.class.getName())) {
                found.add(erasureIdIn(event.payload()));
            }
        });
        return found.stream().findFirst();
    }

    private static String erasureIdIn(String payload) {
        try {
            return JSON.readTree(payload).path("erasureId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An event in the ledger is not JSON", e);
        }
    }
}
