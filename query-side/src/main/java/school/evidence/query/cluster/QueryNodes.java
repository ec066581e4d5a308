package school.evidence.query.cluster;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import school.evidence.platform.axon.ClusterLeases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The query-side nodes alive now: each says so every few seconds in {@code cluster_nodes} (one row per node), so a
 * node knows how many share the read models' work, even those that hold no segment yet.
 */
class QueryNodes {

    static final String COLLECTION = "cluster_nodes";
    private static final String ROLE = "query";

    private final MongoCollection<Document> rows;
    private final String node;
    private final Clock clock;

    QueryNodes(MongoDatabase database, ClusterLeases leases, Clock clock) {
        this.rows = database.getCollection(COLLECTION);
        this.rows.createIndex(Indexes.ascending("role"));
        this.node = leases.node();
        this.clock = clock;
    }

    void alive() {
        rows.replaceOne(Filters.eq("_id", node), new Document("_id", node).append("role", ROLE)
                                                                         .append("seen", Date.from(clock.instant())),
                        new ReplaceOptions().upsert(true));
    }

    /** Nodes seen within {@code within}, this one included. */
    int count(Duration within) {
        Instant since = clock.instant().minus(within);
        int live = 0;
        for (Document row : rows.find(Filters.eq("role", ROLE))) {
            if (!row.getDate("seen").toInstant().isBefore(since) || node.equals(row.getString("_id"))) {
                live++;
            }
        }
        return Math.max(live, 1);
    }

    void gone() {
        try {
            rows.deleteOne(Filters.eq("_id", node));
        } catch (MongoException e) {
            // the store is gone already: the row ages out
        }
    }
}
