package school.evidence.ledger.merkle;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Each school's append-only log of leaves, in the order the ledger's stream delivered its events (commit order,
 * late commits included), so a tree once checkpointed only ever grows. Every lookup is keyed:
 * leaves by {@code <school>:<index>}, the reverse map by event key, the head by school.
 * <p>
 * Adding is idempotent and safe to repeat after a crash at any step: the event's index is reserved in the reverse
 * map first (unique by event), the leaf written second, the head raised last with {@code $max}.
 * <p>
 * Given the ledger's key, each leaf also keeps the event's signed {@link Receipt} (the same signature the write's
 * reply carried) and its recorded time, and the head remembers the first leaf that has one ({@code receiptsFrom}, which
 * checkpoints sign): a leaf rewritten together with its event then no longer matches its receipt, and the verifier
 * can name it.
 */
public final class SchoolLog {

    public static final String LEAVES = "ledger_leaves";
    public static final String LEAF_OF = "ledger_leaf_of";
    public static final String HEADS = "ledger_heads";
    /** Keys per {@code $in}: the embedded server matches each document it finds against the whole list. */
    public static final int READ_AT_ONCE = 250;
    static final String RECEIPTS_FROM = "receiptsFrom";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> leaves;
    private final MongoCollection<Document> leafOf;
    private final MongoCollection<Document> heads;
    private final java.util.function.Function<Document, Receipt> receipts;

    /** A log that is only read (or added to without receipts: tests of the tree alone). */
    public SchoolLog(MongoDatabase database) {
        this(database, null);
    }

    /** @param receipts signs an event's receipt as it is logged; null adds leaves without one */
    public SchoolLog(MongoDatabase database, java.util.function.Function<Document, Receipt> receipts) {
        this.receipts = receipts;
        this.events = database.getCollection("events");
        this.leaves = database.getCollection(LEAVES);
        this.leafOf = database.getCollection(LEAF_OF);
        this.heads = database.getCollection(HEADS);
    }

    /** Adds the stored event to its school's log (once); empty if the event belongs to no school. */
    public OptionalLong add(String eventKey) {
        Document event = events.find(eq("_id", eventKey)).first();
        if (event == null || event.getString(LedgerFields.SCHOOL) == null) {
            return OptionalLong.empty();
        }
        String school = event.getString(LedgerFields.SCHOOL);
        Document known = leafOf.find(eq("_id", eventKey)).first();
        long index;
        if (known != null) {
            index = known.getLong("index");
        } else {
            index = size(school);
            try {
                leafOf.insertOne(new Document("_id", eventKey).append("school", school).append("index", index));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                index = leafOf.find(eq("_id", eventKey)).first().getLong("index");
            }
        }
        String key = school + ":" + index;
        boolean signed = false;
        if (leaves.find(eq("_id", key)).first() == null) {
            leaves.insertOne(leaf(school, index, eventKey, event));
            signed = receipts != null;
        }
        heads.updateOne(eq("_id", school), head(index + 1, signed ? index : null), new UpdateOptions().upsert(true));
        return OptionalLong.of(index);
    }

    /**
     * Adds many stored events, in the given order, with a few round trips per thousand (rebuilding or catching up
     * a log). Same outcome and the same crash safety as {@link #add} one by one.
     */
    public void addAll(List<String> eventKeys) {
        for (int from = 0; from < eventKeys.size(); from += 1000) {
            List<String> chunk = eventKeys.subList(from, Math.min(eventKeys.size(), from + 1000));
            Map<String, Document> stored = new HashMap<>();
            events.find(in("_id", chunk)).forEach(d -> stored.put(d.getString("_id"), d));
            Map<String, Document> knownAt = new HashMap<>();
            leafOf.find(in("_id", chunk)).forEach(d -> knownAt.put(d.getString("_id"), d));
            java.util.Set<String> known = unfinished(knownAt);
            Map<String, Long> next = null; // each school's next index, read once its first new event comes
            Map<String, Long> firstSigned = new HashMap<>();
            List<Document> reverse = new ArrayList<>();
            List<Document> leafDocs = new ArrayList<>();
            for (String key : chunk) {
                Document event = stored.get(key);
                if (event == null || event.getString(LedgerFields.SCHOOL) == null) {
                    continue;
                }
                String school = event.getString(LedgerFields.SCHOOL);
                if (knownAt.containsKey(key) && !known.contains(key)) {
                    continue; // logged before, leaf and head included (a replay, or after a restore)
                }
                if (known.contains(key)) {
                    add(key); // finish whatever a crash left half done (such events come before any new one)
                    if (next != null) {
                        next.put(school, Math.max(next.getOrDefault(school, 0L), size(school)));
                    }
                    continue;
                }
                if (next == null) {
                    next = sizes(stored.values());
                }
                long index = next.getOrDefault(school, 0L);
                next.put(school, index + 1);
                reverse.add(new Document("_id", key).append("school", school).append("index", index));
                leafDocs.add(leaf(school, index, key, event));
                if (receipts != null) {
                    firstSigned.putIfAbsent(school, index);
                }
            }
            if (!reverse.isEmpty()) {
                leafOf.insertMany(reverse);
                leaves.insertMany(leafDocs);
                heads.bulkWrite(next.entrySet().stream().<WriteModel<Document>>map(head -> new UpdateOneModel<>(
                        eq("_id", head.getKey()), head(head.getValue(), firstSigned.get(head.getKey())),
                        new UpdateOptions().upsert(true))).toList());
            }
        }
    }

    /**
     * Of events already given an index, those a crash left half logged (leaf missing, or the head not past it), read
     * in two round trips: a replay of a long ledger then costs no per-event work for the events fully logged.
     */
    private java.util.Set<String> unfinished(Map<String, Document> knownAt) {
        java.util.Set<String> unfinished = new java.util.HashSet<>();
        if (knownAt.isEmpty()) {
            return unfinished;
        }
        java.util.Set<String> leafKeys = new java.util.HashSet<>();
        leaves.find(in("_id", knownAt.values().stream().map(d -> d.getString("school") + ":" + d.get("index")).toList()))
              .projection(new Document("_id", 1)).forEach(d -> leafKeys.add(d.getString("_id")));
        Map<String, Long> sizes = new HashMap<>();
        heads.find(in("_id", knownAt.values().stream().map(d -> d.getString("school")).distinct().toList()))
             .forEach(h -> sizes.put(h.getString("_id"), ((Number) h.get("size")).longValue()));
        knownAt.forEach((key, at) -> {
            long index = ((Number) at.get("index")).longValue();
            if (!leafKeys.contains(at.getString("school") + ":" + index)
                    || sizes.getOrDefault(at.getString("school"), 0L) <= index) {
                unfinished.add(key);
            }
        });
        return unfinished;
    }

    private Document leaf(String school, long index, String eventKey, Document event) {
        Document leaf = new Document("_id", school + ":" + index).append("school", school).append("index", index)
                .append("eventKey", eventKey)
                .append(LedgerFields.GLOBAL_INDEX, event.getLong(LedgerFields.GLOBAL_INDEX))
                .append(LedgerFields.LEAF_HASH, event.getString(LedgerFields.LEAF_HASH))
                .append(LedgerFields.RECORDED_AT, event.getString(LedgerFields.RECORDED_AT));
        if (receipts != null) {
            Receipt receipt = receipts.apply(event);
            leaf.append("receipt", receipt.signature()).append("receiptKeyId", receipt.keyId());
        }
        return leaf;
    }

    /** Raises the head to {@code size}; {@code signedFrom}, if given, may lower where leaves with receipts begin. */
    private static Document head(long size, Long signedFrom) {
        Document update = new Document("$max", new Document("size", size));
        if (signedFrom != null) {
            update.append("$min", new Document(RECEIPTS_FROM, signedFrom));
        }
        return update;
    }

    /** The first leaf of the school's log that carries a signed receipt (every later one does too), if any. */
    public OptionalLong receiptsFrom(String school) {
        Document head = heads.find(eq("_id", school)).first();
        return head == null || head.get(RECEIPTS_FROM) == null ? OptionalLong.empty()
                : OptionalLong.of(((Number) head.get(RECEIPTS_FROM)).longValue());
    }

    /** The size of the log of every school these events belong to, in one read (a catch-up meets many schools). */
    private Map<String, Long> sizes(java.util.Collection<Document> storedEvents) {
        List<String> schools = storedEvents.stream().map(e -> e.getString(LedgerFields.SCHOOL))
                                           .filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Long> sizes = new HashMap<>();
        heads.find(in("_id", schools)).forEach(h -> sizes.put(h.getString("_id"), ((Number) h.get("size")).longValue()));
        return sizes;
    }

    /** Every school that has a log. */
    public List<String> schools() {
        List<String> schools = new ArrayList<>();
        heads.find().forEach(d -> schools.add(d.getString("_id")));
        return schools;
    }

    /** The leaf index of a stored event, if it is in a log. */
    public java.util.Optional<Document> leafOf(String eventKey) {
        return java.util.Optional.ofNullable(leafOf.find(eq("_id", eventKey)).first());
    }

    public long size(String school) {
        Document head = heads.find(eq("_id", school)).first();
        return head == null ? 0 : ((Number) head.get("size")).longValue();
    }

    /** The leaf documents 0..size-1, in order (a missing one is null). */
    public List<Document> leaves(String school, long size) {
        List<Document> ordered = new ArrayList<>();
        for (long from = 0; from < size; from += READ_AT_ONCE) {
            ordered.addAll(leaves(school, from, Math.min(size, from + READ_AT_ONCE)));
        }
        return ordered;
    }

    /** Leaves {@code from} (inclusive) to {@code to} (exclusive) in order, by key; null where one is missing. */
    public List<Document> leaves(String school, long from, long to) {
        List<String> keys = new ArrayList<>();
        for (long i = from; i < to; i++) {
            keys.add(school + ":" + i);
        }
        Map<String, Document> found = new HashMap<>();
        leaves.find(in("_id", keys)).forEach(d -> found.put(d.getString("_id"), d));
        List<Document> ordered = new ArrayList<>(keys.size());
        keys.forEach(k -> ordered.add(found.get(k)));
        return ordered;
    }

    /**
     * One leaf of a school's log as other modules read it: its position, the event it logs, that event's leaf hash,
     * and the receipt signed for it (null before receipts, or when none was signed).
     */
    public record Leaf(String school, long index, String eventKey, String leafHash, String receipt,
                       String receiptKeyId) {

        static Leaf of(Document leaf) {
            return leaf == null ? null : new Leaf(leaf.getString("school"), ((Number) leaf.get("index")).longValue(),
                                                  leaf.getString("eventKey"), leaf.getString(LedgerFields.LEAF_HASH),
                                                  leaf.getString("receipt"), leaf.getString("receiptKeyId"));
        }
    }

    /** Where a stored event sits in its school's log, if it is in one. */
    public java.util.Optional<Leaf> leafOfEvent(String eventKey) {
        return leafOf(eventKey).flatMap(at -> java.util.Optional.ofNullable(
                Leaf.of(leaves.find(eq("_id", at.getString("school") + ":" + ((Number) at.get("index")).longValue()))
                              .first())));
    }

    /** Leaves {@code from} (inclusive) to {@code to} (exclusive) in order; null where one is missing. */
    public List<Leaf> leafList(String school, long from, long to) {
        List<Leaf> list = new ArrayList<>();
        for (long start = from; start < to; start += READ_AT_ONCE) {
            leaves(school, start, Math.min(to, start + READ_AT_ONCE)).forEach(d -> list.add(Leaf.of(d)));
        }
        return list;
    }

    /** The school's tree of its first {@code size} leaves, from the stored leaf hashes. */
    public MerkleTree tree(String school, long size) {
        List<byte[]> hashes = new ArrayList<>();
        for (Document leaf : leaves(school, size)) {
            if (leaf == null) {
                throw new IllegalStateException("The log of school " + school + " has a missing leaf");
            }
            hashes.add(HexFormat.of().parseHex(leaf.getString(LedgerFields.LEAF_HASH)));
        }
        return new MerkleTree(hashes);
    }
}
