package school.evidence.command.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldPlaced;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldReleased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;
import school.evidence.kernel.retention.RetentionSchedule;
import school.evidence.ledger.LedgerFields;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every record that has a retention period, read straight from the ledger: its type, the date it was made (the
 * latest version's date), whether it is on hold and whether it was shredded. Only the non-personal fields are read,
 * so nothing is decrypted.
 */
@Component
class LedgerRetentionRecords {

    record Retained(String recordId, RecordKind kind, String schoolUrn, String recordType, LocalDate madeOn,
                    boolean held, boolean shredded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of(
            MonitoringActivityRecorded.class.getName(), MonitoringActivityAmended.class.getName(),
            ChallengeRaised.class.getName(), LegalHoldPlaced.class.getName(), LegalHoldReleased.class.getName(),
            RecordShredded.class.getName());

    private final MongoCollection<Document> events;

    LedgerRetentionRecords(MongoDatabase database) {
        this.events = database.getCollection("events");
    }

    Collection<Retained> all() {
        Map<String, Retained> records = new LinkedHashMap<>();
        for (Document doc : events.find(Filters.in(LedgerFields.PAYLOAD_TYPE, TYPES))
                                  .projection(Projections.include(LedgerFields.AGGREGATE_ID, LedgerFields.SCHOOL,
                                                                  LedgerFields.PAYLOAD_TYPE, LedgerFields.PAYLOAD))
                                  .sort(Sorts.ascending(LedgerFields.GLOBAL_INDEX))) {
            String id = doc.getString(LedgerFields.AGGREGATE_ID);
            String type = doc.getString(LedgerFields.PAYLOAD_TYPE);
            JsonNode payload = read(doc.getString(LedgerFields.PAYLOAD));
            Retained known = records.get(id);
            Retained next;
            if (type.equals(MonitoringActivityRecorded.class.getName())
                    || type.equals(MonitoringActivityAmended.class.getName())) {
                next = new Retained(id, RecordKind.MONITORING_ACTIVITY, doc.getString(LedgerFields.SCHOOL),
                                    payload.path("type").asText(),
                                    LocalDate.parse(payload.path("details").path("occurredOn").asText()),
                                    known != null && known.held(), known != null && known.shredded());
            } else if (type.equals(ChallengeRaised.class.getName())) {
                next = new Retained(id, RecordKind.CHALLENGE, doc.getString(LedgerFields.SCHOOL),
                                    RetentionSchedule.CHALLENGE, LocalDate.parse(payload.path("raisedOn").asText()),
                                    false, false);
            } else if (known == null) {
                continue;
            } else {
                boolean held = type.equals(LegalHoldPlaced.class.getName())
                        || (known.held() && !type.equals(LegalHoldReleased.class.getName()));
                next = new Retained(id, known.kind(), known.schoolUrn(), known.recordType(), known.madeOn(), held,
                                    known.shredded() || type.equals(RecordShredded.class.getName()));
            }
            records.put(id, next);
        }
        return records.values();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An event in the ledger is not JSON", e);
        }
    }
}
