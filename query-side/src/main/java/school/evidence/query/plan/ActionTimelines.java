package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** Reads an action's timeline: its header and its entries (one document each), in ledger order. */
public final class ActionTimelines {

    public static final String ENTRIES = "action_timeline_entries";

    private ActionTimelines() {
    }

    /** The action's entries, oldest first, as the timeline shows them (found by key through the header). */
    public static List<Document> entries(MongoDatabase database, String actionId) {
        Document header = database.getCollection(ActionTimelineProjection.COLLECTION).find(eq("_id", actionId))
                                  .projection(new Document("entryIds", 1)).first();
        List<String> ids = header == null || header.getList("entryIds", String.class) == null ? List.of()
                : header.getList("entryIds", String.class);
        List<Document> entries = new ArrayList<>();
        if (ids.isEmpty()) {
            return entries;
        }
        for (Document entry : database.getCollection(ENTRIES).find(in("_id", ids)).sort(Sorts.ascending("order"))) {
            entry.remove("_id");
            entry.remove("actionId");
            entry.remove("order");
            entries.add(entry);
        }
        return entries;
    }
}
