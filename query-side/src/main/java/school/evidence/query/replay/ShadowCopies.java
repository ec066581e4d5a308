package school.evidence.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonValue;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** A rebuild's shadow against the live read model: copied over it document by document, or compared with it. */
final class ShadowCopies {

    private static final int COPY_BATCH = 1000;
    private static final int DELETE_BATCH = 250;
    /** A timeline's or list's documents can be large: a small batch keeps each reply within the driver's limit. */
    private static final int COMPARE_BATCH = 20;

    private ShadowCopies() {
    }

    /** Makes {@code target} hold exactly the documents of {@code source}; returns how many. */
    static int replaceLive(MongoCollection<Document> source, MongoCollection<Document> target) {
        return copy(source, null, target, null);
    }

    /**
     * Makes the documents of {@code target} that match {@code scope} (one school's) exactly those of {@code source},
     * which holds only such documents; the others are left alone. Only those that differ are written (after an
     * erasure most of a school's documents name no one: reading them costs the embedded store far less than
     * rewriting them). Returns how many it holds.
     */
    static int replaceLive(MongoCollection<Document> source, MongoCollection<Document> target, Bson scope) {
        return copy(source, null, target, scope);
    }

    /**
     * As above for the documents an erasure's records wrote ({@link MadeAgainForRecords}): the live documents in
     * {@code scope} made exactly the shadow's in it. A scope found in the shadow is turned into those ids.
     */
    static int replaceLive(MongoCollection<Document> source, MongoCollection<Document> target,
                           MadeAgainForRecords.Documents scope) {
        Bson filter = scope.filter();
        if (scope.inShadow()) {
            List<Object> ids = new ArrayList<>();
            source.find(filter).projection(new Document("_id", 1)).forEach(d -> ids.add(d.get("_id")));
            filter = in("_id", ids);
        }
        return copy(source, filter, target, filter);
    }

    /**
     * {@code scope} null: every document, each written. Documents go across as the store's own BSON, never decoded:
     * compared by their bytes (same fields, same order, same types) and written back as they were read. Decoding
     * and digesting each as JSON was most of an erasure's swap.
     */
    private static int copy(MongoCollection<Document> source, Bson sourceFilter, MongoCollection<Document> target,
                            Bson scope) {
        MongoCollection<RawBsonDocument> from = source.withDocumentClass(RawBsonDocument.class);
        MongoCollection<RawBsonDocument> to = target.withDocumentClass(RawBsonDocument.class);
        Map<BsonValue, String> live = new HashMap<>();
        if (scope != null) {
            to.find(scope).batchSize(COMPARE_BATCH).forEach(d -> live.put(d.get("_id"), digest(d)));
        }
        Set<BsonValue> kept = new HashSet<>();
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>();
        var found = sourceFilter == null ? from.find() : from.find(sourceFilter);
        for (RawBsonDocument doc : scope == null ? found : found.batchSize(COMPARE_BATCH)) {
            BsonValue id = doc.get("_id");
            kept.add(id);
            if (scope != null && digest(doc).equals(live.get(id))) {
                continue;
            }
            writes.add(new ReplaceOneModel<>(eq("_id", id), doc, new ReplaceOptions().upsert(true)));
            if (writes.size() == COPY_BATCH) {
                to.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            to.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        Collection<BsonValue> there = live.keySet();
        if (scope == null) {
            there = new ArrayList<>();
            for (RawBsonDocument doc : to.find().projection(new Document("_id", 1))) {
                there.add(doc.get("_id"));
            }
        }
        List<BsonValue> stale = there.stream().filter(id -> !kept.contains(id)).toList();
        // small $in lists: the embedded server matches each document against the whole list
        for (int at = 0; at < stale.size(); at += DELETE_BATCH) {
            to.deleteMany(in("_id", stale.subList(at, Math.min(stale.size(), at + DELETE_BATCH))));
        }
        return kept.size();
    }

    /** A document's content as a SHA-256 of its BSON: equal documents (same fields, order and types) digest alike. */
    private static String digest(RawBsonDocument doc) {
        try {
            ByteBuf bytes = doc.getByteBuffer();
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> differences(MongoDatabase shadow, MongoDatabase live) {
        List<String> differences = new ArrayList<>();
        for (String name : shadow.listCollectionNames()) {
            Map<Object, Document> rebuilt = byId(shadow.getCollection(name));
            Map<Object, Document> current = byId(live.getCollection(name));
            for (Map.Entry<Object, Document> e : rebuilt.entrySet()) {
                Document now = current.get(e.getKey());
                if (now == null) {
                    differences.add(name + "/" + e.getKey() + ": missing from the live data");
                } else if (!now.toJson().equals(e.getValue().toJson())) {
                    differences.add(name + "/" + e.getKey() + ": differs");
                }
            }
            current.keySet().stream().filter(k -> !rebuilt.containsKey(k))
                   .forEach(k -> differences.add(name + "/" + k + ": only in the live data"));
        }
        return differences;
    }

    private static Map<Object, Document> byId(MongoCollection<Document> collection) {
        Map<Object, Document> docs = new TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        collection.find().batchSize(COMPARE_BATCH).forEach(d -> docs.put(d.get("_id"), d));
        return docs;
    }

    static Map<String, Integer> counts(MongoDatabase db) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : db.listCollectionNames()) {
            counts.put(name, (int) db.getCollection(name).countDocuments());
        }
        return counts;
    }
}
