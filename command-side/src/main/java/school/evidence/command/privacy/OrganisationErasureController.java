package school.evidence.command.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.privacy.PrivacyCommands.RecordOrganisationErasure;
import school.evidence.ledger.LedgerReader;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.platform.privacy.Mentions;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Erasure of a person from a trust's or local authority's own records (its plans: filed under no school, so a
 * school's erasure does not reach them). As at a school: their keys for the organisation's records are destroyed, then
 * the organisation's records still naming them are shredded whole, then the erasure is recorded by key ids only, and
 * the reply waits until the read models have made those records again ({@link ErasureWait}).
 */
@RestController
@Tag(name = "Personal data")
class OrganisationErasureController {

    /**
     * @param subjectKeyIds the person's keys destroyed (their key for this organisation's records, and the key for
     *                      every organisation's records written before organisations had keys of their own)
     * @param recordKeyIds  keys of the organisation's records that still named them, shredded whole
     * @param stillReadable events naming them where no key reaches
     * @param readModelsShowIt true when every read model of this node had dropped what was erased before this reply
     *                      (false: still under way when the wait ran out; null: nothing new was erased)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrganisationErasureReply(String erasureId, List<String> subjectKeyIds, List<String> recordKeyIds,
                                    List<String> stillReadable, Boolean alreadyErased, Boolean readModelsShowIt) {
    }

    private final CommandSender commands;
    private final SubjectKeys keys;
    private final Mentions mentions;
    private final ErasureWait wait;

    OrganisationErasureController(CommandSender commands, SubjectKeys keys, LedgerReader ledger,
                                  @Qualifier("eventSerializer") org.axonframework.serialization.Serializer serializer,
                                  ErasureWait wait) {
        this.wait = wait;
        this.commands = commands;
        this.keys = keys;
        this.mentions = new Mentions(ledger, (PersonalDataSerializer) serializer);
    }

    @Allowed(value = Who.TRUST_OFFICERS, scope = ScopeKind.TRUST)
    @PostMapping("/api/trusts/{trustId}/erasures")
    ResponseEntity<OrganisationErasureReply> erase(@PathVariable String trustId,
                                                   @Valid @RequestBody ErasureController.ErasureRequest request) {
        String person = ErasureController.checkedPerson(request);
        String own = SubjectKeys.person(SubjectKeys.organisation(trustId), person);
        String before = SubjectKeys.person("", person); // names sealed before organisations had keys of their own
        boolean erasedBefore = keys.status(own) == SubjectKeys.Status.ERASED;
        List<String> personKeys = Stream.of(keys.erase(own), keys.erase(before)).flatMap(Optional::stream).toList();
        List<Mentions.Mention> readable = mentions.ofOrganisation(trustId, person);
        List<String> recordKeys = readable.stream().filter(Mentions.Mention::erasable)
                                          .map(m -> keys.erase(SubjectKeys.record(m.recordId())))
                                          .flatMap(Optional::stream).distinct().toList();
        List<String> inClear = readable.stream().filter(m -> !m.erasable()).map(Mentions.Mention::eventKey).toList();
        if (personKeys.isEmpty() && recordKeys.isEmpty()) {
            if (erasedBefore) {
                return ResponseEntity.ok(new OrganisationErasureReply(null, null, null, inClear, true, null));
            }
            throw inClear.isEmpty()
                    ? Rejection.notFound("person", "Nothing in the organisation's own records names that person")
                    : Rejection.conflict("person", "The person is named only where the ledger holds it unencrypted: "
                                                   + inClear);
        }
        String erasureId = UUID.randomUUID().toString();
        commands.send(new RecordOrganisationErasure(erasureId, trustId, personKeys, recordKeys, request.reason()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new OrganisationErasureReply(
                erasureId, personKeys, recordKeys, inClear, null, wait.readModelsShowIt()));
    }
}
