package school.evidence.query.monitoring;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import school.evidence.platform.access.Caller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads over the monitoring read models that other features (plan flags, trusts) use. */
public final class MonitoringLookups {
    private MonitoringLookups() {
    }

    /** The latest date non-retracted monitoring citing the action happened, on or before {@code on}. */
    public static Optional<LocalDate> lastEvidenceOn(MongoDatabase db, String urn, String actionId, LocalDate on) {
        Document latest = db.getCollection(MonitoringListProjection.COLLECTION)
                            .find(Filters.and(eq(SCHOOL_URN, urn), eq("current.actionIds", actionId),
                                              eq("retracted", false), Filters.lte("current.occurredOn", on.toString())))
                            .sort(Sorts.descending("current.occurredOn")).limit(1).first();
        return latest == null ? Optional.empty()
                : Optional.of(LocalDate.parse(latest.get("current", Document.class).getString("occurredOn")));
    }

    /** How many unretracted activities citing the action happened between two dates, inclusive. */
    public static long evidenceCount(MongoDatabase db, String urn, String actionId, LocalDate from, LocalDate to) {
        return db.getCollection(MonitoringListProjection.COLLECTION)
                 .countDocuments(Filters.and(eq(SCHOOL_URN, urn), eq("current.actionIds", actionId),
                                             eq("retracted", false),
                                             Filters.gte("current.occurredOn", from.toString()),
                                             Filters.lte("current.occurredOn", to.toString())));
    }

    /** How many unretracted activities of the school cite each of these actions: one read for all of them. */
    public static Map<String, Integer> citedCounts(MongoDatabase db, String urn, Collection<String> actionIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (actionIds.isEmpty()) {
            return counts;
        }
        db.getCollection(MonitoringListProjection.COLLECTION)
          .find(Filters.and(eq(SCHOOL_URN, urn), Filters.in("current.actionIds", actionIds), eq("retracted", false)))
          .projection(new Document("current.actionIds", 1))
          .forEach(d -> d.get("current", Document.class).getList("actionIds", String.class).stream()
                         .filter(actionIds::contains).forEach(id -> counts.merge(id, 1, Integer::sum)));
        return counts;
    }

    /** The unretracted activities citing the action that happened between two dates, earliest first. */
    public static List<Document> citing(MongoDatabase db, String urn, String actionId, LocalDate from, LocalDate to) {
        List<Document> found = new ArrayList<>();
        db.getCollection(MonitoringListProjection.COLLECTION)
          .find(Filters.and(eq(SCHOOL_URN, urn), eq("current.actionIds", actionId), eq("retracted", false),
                            Filters.gte("current.occurredOn", from.toString()),
                            Filters.lte("current.occurredOn", to.toString())))
          .sort(Sorts.ascending("current.occurredOn"))
          .forEach(d -> found.add(new Document("activityId", d.get("activityId")).append("type", d.get("type"))
                  .append("occurredOn", d.get("current", Document.class).get("occurredOn"))
                  .append("lead", d.get("current", Document.class).get("lead"))));
        return found;
    }

    /**
     * The school's monitoring list as the product knew it at an instant (every filter off), as this reader may see it:
     * confidential notes only for those {@link ConfidentialFindings} allows.
     */
    public static List<Document> asOf(MongoDatabase db, String urn, java.time.Instant instant, Caller reader) {
        return RecordedLate.mark(db, urn, asOfForCounting(db, urn, instant)).stream()
                           .map(ConfidentialFindings.forReader(db, reader)::activity).toList();
    }

    /**
     * The monitoring list as known at an instant, every record in full: for counting (the trust view's figures) only,
     * never to be handed to a caller as it is.
     */
    public static List<Document> asOfForCounting(MongoDatabase db, String urn, java.time.Instant instant) {
        MonitoringFilter everything = new MonitoringFilter(null, null, null, null, null, true);
        return MonitoringAsOf.list(db, urn, instant, everything, null).rows();
    }

    /** Open next steps of the school due before {@code on}, earliest first, as this reader may see them. */
    public static List<Document> overdueNextSteps(MongoDatabase db, String urn, LocalDate on, Caller reader) {
        return nextSteps(db, urn, "OVERDUE", null, on).stream()
                                                        .map(ConfidentialFindings.forReader(db, reader)::nextStep).toList();
    }

    /** Next steps agreed between two dates (inclusive), soonest due first, as this reader may see them. */
    public static List<Document> agreedBetween(MongoDatabase db, String urn, LocalDate from, LocalDate to,
                                               Caller reader) {
        List<Document> rows = db.getCollection(NextStepsProjection.COLLECTION)
                                .find(Filters.and(eq(SCHOOL_URN, urn), Filters.gte("agreedOn", from.toString()),
                                                  Filters.lte("agreedOn", to.toString())))
                                .sort(Sorts.ascending("dueOn")).into(new ArrayList<>());
        rows.forEach(r -> r.remove("_id"));
        return rows.stream().map(ConfidentialFindings.forReader(db, reader)::nextStep).toList();
    }

    static List<Document> nextSteps(MongoDatabase db, String urn, String status, String owner, LocalDate on) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>();
        filters.add(eq(SCHOOL_URN, urn));
        switch (status) {
            case "OPEN" -> filters.add(eq("status", "OPEN"));
            case "OVERDUE" -> {
                filters.add(eq("status", "OPEN"));
                filters.add(Filters.lt("dueOn", on.toString()));
            }
            case "CHECKED" -> filters.add(eq("status", "CHECKED"));
            default -> { }
        }
        if (owner != null) {
            filters.add(eq("owner", owner));
        }
        List<Document> rows = db.getCollection(NextStepsProjection.COLLECTION).find(Filters.and(filters))
                                .sort(Sorts.ascending("dueOn", "_id")).into(new ArrayList<>());
        rows.forEach(r -> r.remove("_id"));
        return rows;
    }
}
