package school.evidence.ledger;

/** Field names of an event document in the ledger's events collection. */
public final class LedgerFields {
    public static final String GLOBAL_INDEX = "globalIndex";
    public static final String AGGREGATE_ID = "aggregateId";
    public static final String SEQUENCE = "sequenceNumber";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String EVENT_ID = "eventId";
    public static final String RECORDED_AT = "recordedAt";
    public static final String PAYLOAD_TYPE = "payloadType";
    public static final String PAYLOAD_REVISION = "payloadRevision";
    public static final String PAYLOAD = "payload";
    public static final String META_DATA = "metaData";
    public static final String SCHOOL = "school";
    /** Hex SHA-256 Merkle leaf hash over the other stored fields (see merkle.LeafEncoding). */
    public static final String LEAF_HASH = "leafHash";
    /** Marks a reserved global index whose append failed. */
    public static final String VOID = "void";

    private LedgerFields() {
    }
}
