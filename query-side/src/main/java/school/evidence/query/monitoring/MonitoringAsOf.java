package school.evidence.query.monitoring;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.query.RecordedAt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * A school's monitoring list as the product knew it at an instant. Each row keeps every version and its
 * retraction with when they were recorded, so the past row is rebuilt from the row itself: the versions recorded
 * by then, the latest of them current, retracted only if retracted by then.
 */
final class MonitoringAsOf {
    private MonitoringAsOf() {
    }

    static List<Document> list(MongoCollection<Document> activities, String urn, Instant asOf, MonitoringType type,
                               LocalDate from, LocalDate to, String actionId, PupilGroup pupilGroup,
                               boolean includeRetracted) {
        String at = RecordedAt.format(asOf);
        List<Document> rows = new ArrayList<>();
        for (Document row : activities.find(eq("schoolUrn", urn))) {
            if (row.getString("recordedAt").compareTo(at) > 0) {
                continue;
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
            if (type != null && !type.name().equals(row.getString("type"))) {
                continue;
            }
            String occurred = details.getString("occurredOn");
            if ((from != null && occurred.compareTo(from.toString()) < 0) || (to != null && occurred.compareTo(to.toString()) > 0)) {
                continue;
            }
            if (actionId != null && !details.getList("actionIds", String.class).contains(actionId)) {
                continue;
            }
            if (pupilGroup != null) {
                Document focus = details.get("focus", Document.class);
                if (focus == null || !focus.getList("pupilGroups", String.class).contains(pupilGroup.name())) {
                    continue;
                }
            }
            if (!includeRetracted && retracted) {
                continue;
            }
            row.put("asOf", asOf.toString());
            rows.add(row);
        }
        rows.sort(Comparator.comparing((Document d) -> d.get("current", Document.class).getString("occurredOn"))
                            .reversed().thenComparing(d -> d.getString("recordedAt")));
        return rows;
    }
}
