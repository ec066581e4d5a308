package school.evidence.query.privacy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.ledger.LedgerFields;
import school.evidence.platform.privacy.Mentions;
import school.evidence.platform.privacy.PersonalDataSerializer;
import school.evidence.platform.privacy.SubjectKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A subject access export: everything the school's ledger holds about a person, read from the ledger itself (the
 * read models are derived from it): every event encrypted under their key, decrypted, and every event they recorded.
 */
@RestController
@Tag(name = "Personal data")
class SubjectAccessController {

    private final MongoDatabase database;
    private final SubjectKeys keys;
    private final PersonalDataSerializer serializer;

    SubjectAccessController(MongoDatabase database, SubjectKeys keys,
                            @Qualifier("eventSerializer") org.axonframework.serialization.Serializer serializer) {
        this.database = database;
        this.keys = keys;
        this.serializer = (PersonalDataSerializer) serializer;
    }

    @GetMapping("/api/schools/{urn}/subject-access")
    Document export(@PathVariable String urn, @RequestParam String person,
                    @RequestParam(required = false) String userId) {
        if (person.isBlank() || person.length() > 200) {
            throw Rejection.invalid("person", "Give the person's name as it is recorded (up to 200 characters)");
        }
        String subject = SubjectKeys.person(urn, person);
        SubjectKeys.Status status = keys.status(subject);
        // every record encrypted under their key (erased ones show [erased]), and every record that names them
        // anywhere it can still be read
        java.util.Set<String> keysOfRecords = new java.util.LinkedHashSet<>();
        keys.existingKeyIdFor(subject).or(() -> keys.erasedKeyIdOf(subject)).ifPresent(keyId -> {
            for (Document event : database.getCollection("events")
                                          .find(Filters.and(Filters.eq(LedgerFields.SCHOOL, urn),
                                                            Filters.regex(LedgerFields.PAYLOAD, Pattern.quote(keyId))))
                                          .projection(new Document("_id", 1))) {
                keysOfRecords.add(event.getString("_id"));
            }
        });
        new Mentions(database, serializer).of(urn, person.strip()).forEach(m -> keysOfRecords.add(m.eventKey()));
        List<Document> about = new ArrayList<>();
        for (Document event : database.getCollection("events").find(Filters.in("_id", keysOfRecords))
                                      .sort(Sorts.ascending(LedgerFields.GLOBAL_INDEX))) {
            about.add(entry(event));
        }
        List<Document> by = new ArrayList<>();
        if (userId != null && !userId.isBlank()) {
            String actor = "\"actor\":\"" + userId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            for (Document event : database.getCollection("events")
                                          .find(Filters.and(Filters.eq(LedgerFields.SCHOOL, urn),
                                                            Filters.regex(LedgerFields.META_DATA, Pattern.quote(actor))))
                                          .sort(Sorts.ascending(LedgerFields.GLOBAL_INDEX))) {
                by.add(entry(event));
            }
        }
        // the name asked about is not echoed: once erased, nothing the service sends may carry it
        return new Document("school", urn).append("keyStatus", status.name())
                .append("recordsAbout", about).append("recordsBy", by)
                .append("note", "From the ledger, the source of every read model. Fields shown as [erased] were "
                        + "erased; the actor on each record is the user id that recorded it.");
    }

    private Document entry(Document event) {
        String type = event.getString(LedgerFields.PAYLOAD_TYPE);
        return new Document("eventKey", event.getString("_id")).append("type", type.substring(type.lastIndexOf('.') + 1))
                .append("recordedAt", event.get(LedgerFields.RECORDED_AT))
                .append("content", Document.parse(serializer.openStored(type, event.getString(LedgerFields.PAYLOAD))))
                .append("metaData", Document.parse(event.getString(LedgerFields.META_DATA)));
    }
}
