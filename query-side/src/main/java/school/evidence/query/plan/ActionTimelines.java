package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/** Reads an action's timeline: its header and its entries (one document each), in ledger order. */
public final class ActionTimelines {

    public static final String ENTRIES = "action_timeline_entries";

    private ActionTimelines() {
    }

    /** The action's entries, oldest first, as the timeline shows them (found through the action's index). */
    public static List<Document> entries(MongoDatabase database, String actionId) {
        List<Document> entries = new ArrayList<>();
        for (Document entry : database.getCollection(ENTRIES).find(eq("actionId", actionId))
                                       .sort(Sorts.ascending("order"))) {
            entry.remove("_id");
            entry.remove("actionId");
            entry.remove("order");
            entries.add(entry);
        }
        return entries;
    }
}
