package school.evidence.platform.store;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A TTL index whose expiry follows the configured retention. Creating an index under an existing name with other
 * options is refused (IndexOptionsConflict, 85): a changed retention would stop the service from starting on a
 * populated database (and the embedded store keeps the old expiry without a word). An index whose expiry differs is
 * changed in place with {@code collMod}, as MongoDB documents it.
 */
public final class ExpiringIndex {

    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final int INDEX_KEY_SPECS_CONFLICT = 86;

    private ExpiringIndex() {
    }

    public static void ensure(MongoDatabase database, String collectionName, String field, String name,
                              Duration expireAfter) {
        MongoCollection<Document> collection = database.getCollection(collectionName);
        IndexOptions options = new IndexOptions().name(name).expireAfter(expireAfter.toSeconds(), TimeUnit.SECONDS);
        Document existing = collection.listIndexes().into(new java.util.ArrayList<>()).stream()
                                      .filter(index -> name.equals(index.getString("name"))).findFirst().orElse(null);
        Number expiry = existing == null ? null : existing.get("expireAfterSeconds", Number.class);
        if (expiry != null && expiry.longValue() == expireAfter.toSeconds()) {
            return;
        }
        try {
            if (existing == null) {
                collection.createIndex(Indexes.ascending(field), options);
                return;
            }
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_OPTIONS_CONFLICT && e.getErrorCode() != INDEX_KEY_SPECS_CONFLICT) {
                throw e;
            }
            // another node made it a moment ago with its own retention: ours is changed in below
        }
        Document change = new Document("collMod", collectionName)
                .append("index", new Document("name", name).append("expireAfterSeconds", expireAfter.toSeconds()));
        try {
            database.runCommand(change);
        } catch (MongoCommandException unsupported) {
            // a store without collMod (the embedded one): the index holds no data of its own, so make it again
            collection.dropIndex(name);
            collection.createIndex(Indexes.ascending(field), options);
        }
    }
}
