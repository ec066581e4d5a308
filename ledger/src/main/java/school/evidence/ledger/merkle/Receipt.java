package school.evidence.ledger.merkle;

import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * The ledger's signed word, given with the reply to every acknowledged write (like a Certificate Transparency SCT):
 * "the event {@code eventKey} of school {@code school} is stored at global position {@code globalIndex}, recorded at
 * {@code recordedAt}, and its stored bytes hash to {@code leafHash}". Ed25519 signatures are deterministic, so the
 * ledger index signs the very same receipt again when it logs the event, and keeps it with the leaf.
 *
 * <p>It proves, to anyone holding the public key and nothing else, that the service acknowledged exactly this event
 * at that time: if the stored event is later changed, deleted or left out of a checkpoint, the receipt contradicts
 * the ledger. It does not prove that what the event says is true, nor that the service's clock was right, and it is
 * only as trustworthy as the secrecy of the signing key.
 */
public record Receipt(String school, String eventKey, long globalIndex, String leafHash, String recordedAt, String keyId,
                      String signature) {

    /** The exact bytes signed. */
    public byte[] signedText() {
        return ("evidence-ledger receipt v1\n" + (school == null ? "" : school) + "\n" + eventKey + "\n" + globalIndex
                + "\n" + leafHash + "\n" + recordedAt + "\n" + keyId + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The receipt of an event as stored (its leaf hash recomputed from the stored fields, not trusted). */
    public static Receipt of(Document storedEvent, String keyId, PrivateKey key) {
        Receipt unsigned = unsigned(storedEvent, keyId, null);
        return unsigned.withSignature(Signatures.sign(key, unsigned.signedText()));
    }

    /** What a receipt for this stored event says, with the given signature (to check one kept elsewhere). */
    public static Receipt unsigned(Document storedEvent, String keyId, String signature) {
        return new Receipt(storedEvent.getString(LedgerFields.SCHOOL), storedEvent.getString("_id"),
                           ((Number) storedEvent.get(LedgerFields.GLOBAL_INDEX)).longValue(),
                           HexFormat.of().formatHex(LeafEncoding.leafHash(storedEvent)),
                           storedEvent.getString(LedgerFields.RECORDED_AT), keyId, signature);
    }

    private Receipt withSignature(String signed) {
        return new Receipt(school, eventKey, globalIndex, leafHash, recordedAt, keyId, signed);
    }

    public boolean verifies(PublicKey key) {
        return Signatures.verifies(key, signedText(), signature);
    }

    /** Whether a stored event is still the one this receipt acknowledged (same place, same bytes). */
    public boolean matches(Document storedEvent) {
        Receipt now = unsigned(storedEvent, keyId, signature);
        return now.equals(this);
    }

    public Document toDocument() {
        return new Document("school", school).append("eventKey", eventKey).append("globalIndex", globalIndex)
                                             .append("leafHash", leafHash).append("recordedAt", recordedAt)
                                             .append("keyId", keyId).append("signature", signature);
    }

    /** Receipts from JSON: one receipt, an array of them, or a write's reply that carries {@code receipts}. */
    public static java.util.List<Receipt> parse(com.fasterxml.jackson.databind.JsonNode json) {
        if (json.has("receipts")) {
            return parse(json.get("receipts"));
        }
        java.util.List<Receipt> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode r : json.isArray() ? json : java.util.List.of(json)) {
            out.add(new Receipt(r.path("school").isNull() ? null : r.path("school").asText(), r.path("eventKey").asText(),
                                r.path("globalIndex").asLong(), r.path("leafHash").asText(), r.path("recordedAt").asText(),
                                r.path("keyId").asText(), r.path("signature").asText()));
        }
        return out;
    }

    public static Receipt fromDocument(Document d) {
        return new Receipt(d.getString("school"), d.getString("eventKey"), ((Number) d.get("globalIndex")).longValue(),
                           d.getString("leafHash"), d.getString("recordedAt"), d.getString("keyId"),
                           d.getString("signature"));
    }
}
