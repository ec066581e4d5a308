package school.evidence.ledger.merkle;

import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes a ledger leaf hashes: every stored field of an event, exactly as stored, in a fixed order, each
 * written as a 4-byte big-endian length and its UTF-8 bytes (length -1 for an absent field). Anyone holding the
 * stored event can recompute its leaf, so a changed byte, a swapped field or a moved event shows.
 */
public final class LeafEncoding {

    /** Field order is part of the format; never reorder, only append (with a new format version). */
    public static final List<String> FIELDS = List.of("_id", LedgerFields.GLOBAL_INDEX, LedgerFields.SCHOOL,
                                                      LedgerFields.AGGREGATE_TYPE, LedgerFields.AGGREGATE_ID,
                                                      LedgerFields.SEQUENCE, LedgerFields.EVENT_ID,
                                                      LedgerFields.RECORDED_AT, LedgerFields.PAYLOAD_TYPE,
                                                      LedgerFields.PAYLOAD_REVISION, LedgerFields.PAYLOAD,
                                                      LedgerFields.META_DATA);
    public static final byte FORMAT_VERSION = 1;

    private LeafEncoding() {
    }

    public static byte[] encode(Document storedEvent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.write(FORMAT_VERSION);
        for (String field : FIELDS) {
            Object value = storedEvent.get(field);
            if (value == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** The leaf hash of a stored event: H(0x00 || encoding). */
    public static byte[] leafHash(Document storedEvent) {
        return MerkleTree.leafHash(encode(storedEvent));
    }
}
