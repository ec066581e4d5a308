package school.evidence.query.privacy;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.StoredEvent;
import school.evidence.platform.privacy.Mentions;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subject access export: everything the school's ledger holds about a person, read from the ledger itself (the
 * read models are derived from it): every event encrypted under their key, decrypted, and every event they recorded.
 */
@RestController
@Tag(name = "Personal data")
class SubjectAccessController {

    /** The name asked about is not echoed: once erased, nothing the service sends may carry it. */
    record SubjectAccessExport(String school, String keyStatus, List<Entry> recordsAbout, List<Entry> recordsBy,
                               String note) {
    }

    /** One event as it reads now: its content decrypted (erased fields read "[erased]") and its metadata. */
    record Entry(String eventKey, String type, String recordedAt, JsonNode content, JsonNode metaData) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerReader ledger;
    private final SubjectKeys keys;
    private final PersonalDataSerializer serializer;

    SubjectAccessController(LedgerReader ledger, SubjectKeys keys,
                            @Qualifier("eventSerializer") org.axonframework.serialization.Serializer serializer) {
        this.ledger = ledger;
        this.keys = keys;
        this.serializer = (PersonalDataSerializer) serializer;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/subject-access")
    SubjectAccessExport export(@PathVariable String urn, @RequestParam String person,
                               @RequestParam(required = false) String userId) {
        if (person.isBlank() || person.length() > 200) {
            throw Rejection.invalid("person", "Give the person's name as it is recorded (up to 200 characters)");
        }
        String subject = SubjectKeys.person(urn, person);
        SubjectKeys.Status status = keys.status(subject);
        // every record encrypted under their key (erased ones show [erased]), and every record that names them
        // anywhere it can still be read
        Set<String> keysOfRecords = new LinkedHashSet<>();
        keys.existingKeyIdFor(subject).or(() -> keys.erasedKeyIdOf(subject)).ifPresent(keyId ->
                ledger.forEachInSchoolContaining(urn, LedgerReader.Text.PAYLOAD, keyId,
                                                 event -> keysOfRecords.add(event.key())));
        new Mentions(ledger, serializer).of(urn, person.strip()).forEach(m -> keysOfRecords.add(m.eventKey()));
        List<Entry> about = ledger.byKeys(keysOfRecords).stream().map(this::entry).toList();
        List<Entry> by = new ArrayList<>();
        if (userId != null && !userId.isBlank()) {
            String actor = "\"actor\":\"" + userId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            ledger.forEachInSchoolContaining(urn, LedgerReader.Text.META_DATA, actor, event -> by.add(entry(event)));
        }
        return new SubjectAccessExport(urn, status.name(), about, by,
                                       "From the ledger, the source of every read model. Fields shown as [erased] "
                                               + "were erased; the actor on each record is the user id that recorded it.");
    }

    private Entry entry(StoredEvent event) {
        String type = event.payloadType();
        return new Entry(event.key(), type.substring(type.lastIndexOf('.') + 1), event.recordedAt(),
                         read(serializer.openStored(type, event.payload())), read(event.metaData()));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An event in the ledger is not JSON", e);
        }
    }
}
