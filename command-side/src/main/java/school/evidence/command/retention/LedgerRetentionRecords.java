package school.evidence.command.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldPlaced;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldReleased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;
import school.evidence.kernel.retention.RetentionSchedule;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.StoredEvent;

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

    private final LedgerReader ledger;

    LedgerRetentionRecords(LedgerReader ledger) {
        this.ledger = ledger;
    }

    Collection<Retained> all() {
        Map<String, Retained> records = new LinkedHashMap<>();
        ledger.forEachOfTypes(TYPES, event -> fold(records, event));
        return records.values();
    }

    private static void fold(Map<String, Retained> records, StoredEvent event) {
            String id = event.aggregateId();
            String type = event.payloadType();
            JsonNode payload = read(event.payload());
            Retained known = records.get(id);
            Retained next;
            if (type.equals(MonitoringActivityRecorded.class.getName())
                    || type.equals(MonitoringActivityAmended.class.getName())) {
                next = new Retained(id, RecordKind.MONITORING_ACTIVITY, event.school(),
                                    payload.path("type").asText(),
                                    LocalDate.parse(payload.path("details").path("occurredOn").asText()),
                                    known != null && known.held(), known != null && known.shredded());
            } else if (type.equals(ChallengeRaised.class.getName())) {
                next = new Retained(id, RecordKind.CHALLENGE, event.school(),
                                    RetentionSchedule.CHALLENGE, LocalDate.parse(payload.path("raisedOn").asText()),
                                    false, false);
            } else if (known == null) {
                return;
            } else {
                boolean held = type.equals(LegalHoldPlaced.class.getName())
                        || (known.held() && !type.equals(LegalHoldReleased.class.getName()));
                next = new Retained(id, known.kind(), known.schoolUrn(), known.recordType(), known.madeOn(), held,
                                    known.shredded() || type.equals(RecordShredded.class.getName()));
            }
            records.put(id, next);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An event in the ledger is not JSON", e);
        }
    }
}
