package school.evidence.ledger;

import org.bson.Document;
import school.evidence.ledger.merkle.LeafEncoding;

import java.util.Collections;
import java.util.Map;

/**
 * One event as the ledger stores it: the exact payload and metadata text that was hashed, where it sits in the
 * ledger, and its Merkle leaf hash. Read through {@link LedgerReader}; no other module names the stored fields.
 */
public record StoredEvent(String key, long globalIndex, String aggregateId, long sequence, String aggregateType,
                          String eventId, String recordedAt, String payloadType, String payload, String metaData,
                          String school, String leafHash, Map<String, Object> storedFields) {

    static StoredEvent of(Document doc) {
        Number index = (Number) doc.get(LedgerFields.GLOBAL_INDEX);
        Number sequence = (Number) doc.get(LedgerFields.SEQUENCE);
        return new StoredEvent(doc.getString("_id"), index == null ? -1 : index.longValue(),
                               doc.getString(LedgerFields.AGGREGATE_ID), sequence == null ? -1 : sequence.longValue(),
                               doc.getString(LedgerFields.AGGREGATE_TYPE), doc.getString(LedgerFields.EVENT_ID),
                               doc.getString(LedgerFields.RECORDED_AT), doc.getString(LedgerFields.PAYLOAD_TYPE),
                               doc.getString(LedgerFields.PAYLOAD), doc.getString(LedgerFields.META_DATA),
                               doc.getString(LedgerFields.SCHOOL), doc.getString(LedgerFields.LEAF_HASH),
                               Collections.unmodifiableMap(new Document(doc)));
    }

    /** A reserved position whose append failed: it holds no event. */
    public boolean isVoid() {
        return Boolean.TRUE.equals(storedFields.get(LedgerFields.VOID));
    }

    /**
     * The fields the leaf hash covers, as stored and in the order it covers them: what an evidence pack or the
     * published feed carries so that its reader can recompute the leaf without our code.
     */
    public Map<String, Object> hashedFields() {
        Document fields = new Document();
        LeafEncoding.FIELDS.forEach(field -> fields.append(field, storedFields.get(field)));
        return fields;
    }
}
