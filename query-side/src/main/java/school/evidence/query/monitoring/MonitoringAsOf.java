package school.evidence.query.monitoring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import school.evidence.query.RecordedAt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A school's monitoring list as the product knew it at an instant. Each row keeps every version and its
 * retraction with when they were recorded, so the past row is rebuilt from the row itself: the versions recorded
 * by then, the latest of them current, retracted only if retracted by then.
 */
final class MonitoringAsOf {

    /** What deciding a row's place in a past list needs: which rows and in what order, not their text. */
    private static final List<String> ORDERING_FIELDS = List.of(
            "activityId", "type", "recordedAt", "versions.recordedAt", "versions.details.occurredOn",
            "versions.details.actionIds", "versions.details.focus.pupilGroups", "retraction.retractedAt");

    /** Newest first by the date it happened, then by when it was recorded. */
    private static final Comparator<Document> ORDER = Comparator
            .comparing((Document d) -> d.get("current", Document.class).getString("occurredOn")).reversed()
            .thenComparing(d -> d.getString("recordedAt")).thenComparing(d -> d.getString("activityId"));

    private MonitoringAsOf() {
    }

    static MonitoringPage list(MongoCollection<Document> activities, String urn, Instant asOf,
                               MonitoringFilter filter, MonitoringPage.Slice slice) {
        String at = RecordedAt.format(asOf); // once, not per record
        if (slice == null) {
            List<Document> rows = matching(activities.find(eq("schoolUrn", urn)), at, asOf, filter);
            return new MonitoringPage(rows, rows.size());
        }
        // a page: the rows and their order are decided from a few fields of each record (a year's full records
        // are megabytes), then only the page's records are read whole
        List<Document> ordered = matching(activities.find(eq("schoolUrn", urn))
                                                    .projection(Projections.include(ORDERING_FIELDS)), at, asOf,
                                           filter);
        List<String> ids = ordered.stream().skip(slice.skip()).limit(slice.size())
                                  .map(d -> d.getString("activityId")).toList();
        Map<String, Document> whole = new HashMap<>();
        for (Document row : activities.find(in("_id", ids))) {
            whole.put(row.getString("activityId"), asItWas(row, at, asOf));
        }
        return new MonitoringPage(ids.stream().map(whole::get).toList(), ordered.size());
    }

    private static List<Document> matching(Iterable<Document> found, String at, Instant asOf,
                                           MonitoringFilter filter) {
        List<Document> rows = new ArrayList<>();
        for (Document row : found) {
            Document past = asItWas(row, at, asOf);
            if (past != null && filter.matches(past)) {
                rows.add(past);
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    /** The row as it stood at {@code asOf} ({@code at}: the same instant as stored), or null if not yet recorded. */
    private static Document asItWas(Document row, String at, Instant asOf) {
        if (row.getString("recordedAt").compareTo(at) > 0) {
            return null;
        }
        List<Document> versions = row.getList("versions", Document.class).stream()
                                     .filter(v -> v.getString("recordedAt").compareTo(at) <= 0).toList();
        Document current = versions.get(versions.size() - 1);
        Document retraction = row.get("retraction", Document.class);
        boolean retracted = retraction != null && retraction.getString("retractedAt").compareTo(at) <= 0;
        Document details = current.get("details", Document.class);
        row.put("versions", versions);
        row.put("current", details);
        row.put("version", current.getInteger("version"));
        row.put("confidential", details.getBoolean("confidential", false));
        row.put("retracted", retracted);
        row.put("retraction", retracted ? retraction : null);
        row.remove("_id");
        row.remove("seq");
        row.put("asOf", asOf.toString());
        return row;
    }
}
