package school.evidence.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The read models' indexes, made when a projection starts. An index whose keys changed gets a new name, and the
 * names it replaces are dropped: creating different keys under an existing name is refused by MongoDB, which would
 * stop a populated service from starting.
 */
public final class ReadModelIndexes {

    private ReadModelIndexes() {
    }

    public static void ensure(MongoCollection<Document> collection, String name, Bson keys, String... replaces) {
        if (replaces.length > 0) {
            List<String> present = new ArrayList<>();
            collection.listIndexes().forEach(index -> present.add(index.getString("name")));
            for (String old : replaces) {
                if (present.contains(old)) {
                    collection.dropIndex(old);
                }
            }
        }
        collection.createIndex(keys, new IndexOptions().name(name));
    }
}
