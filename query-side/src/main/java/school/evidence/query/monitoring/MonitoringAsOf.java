package school.evidence.query.monitoring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import school.evidence.query.RecordedAt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * A school's monitoring list as the product knew it at an instant. Each record keeps every version and its
 * retraction with when they were recorded, so the past record is rebuilt from the record itself: the versions
 * recorded by then, the latest of them current, retracted only if retracted by then. A page is chosen from the
 * rows of {@link MonitoringVersions}, by index.
 */
final class MonitoringAsOf {

    /** Newest first by the date it happened, then by when it was recorded. */
    private static final Comparator<Sorted> ORDER = Comparator.comparing(Sorted::occurredOn).reversed()
                                                              .thenComparing(Sorted::recordedAt)
                                                              .thenComparing(Sorted::activityId);

    private MonitoringAsOf() {
    }

    static MonitoringPage list(MongoDatabase db, String urn, Instant asOf, MonitoringFilter filter,
                               MonitoringPage.Slice slice) {
        MongoCollection<Document> activities = db.getCollection(MonitoringListProjection.COLLECTION);
        String at = RecordedAt.format(asOf); // once, not per record
        if (slice == null) {
            List<Document> rows = matching(activities.find(eq(SCHOOL_URN, urn)), at, asOf, filter);
            return new MonitoringPage(rows, rows.size());
        }
        // a page: the versions current then are found by index, walked in the list's order until the page's end
        // (as the live page is), and only the page's records are read whole (a year's records are megabytes)
        MongoCollection<Document> versions = db.getCollection(MonitoringVersions.COLLECTION);
        Bson query = filter.queryAsOf(urn, at);
        List<String> ids = versions.find(query)
                                   .sort(Sorts.orderBy(Sorts.descending(MonitoringVersions.OCCURRED_ON),
                                                       Sorts.ascending(MonitoringVersions.FIRST_RECORDED_AT,
                                                                       "activityId")))
                                   .skip(slice.skip()).limit(slice.size())
                                   .projection(Projections.include("activityId"))
                                   .map(row -> row.getString("activityId")).into(new ArrayList<>());
        Map<String, Document> whole = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document row : activities.find(in("_id", ids))) {
                whole.put(row.getString("activityId"), asItWas(row, at, asOf));
            }
        }
        // (a version's row is written just before its record: one being recorded this instant may not be there yet)
        return new MonitoringPage(ids.stream().map(whole::get).filter(Objects::nonNull).toList(),
                                  versions.countDocuments(query));
    }

    private static List<Document> matching(Iterable<Document> found, String at, Instant asOf,
                                           MonitoringFilter filter) {
        List<Sorted> rows = new ArrayList<>();
        for (Document row : found) {
            Document past = asItWas(row, at, asOf);
            if (past != null && filter.matches(past)) {
                rows.add(new Sorted(past.get("current", Document.class).getString("occurredOn"),
                                    past.getString("recordedAt"), past.getString("activityId"), past));
            }
        }
        rows.sort(ORDER); // on keys read once per row, not once per comparison (10,000 rows: 140,000 comparisons)
        return rows.stream().map(Sorted::row).toList();
    }

    private record Sorted(String occurredOn, String recordedAt, String activityId, Document row) {
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
