package school.evidence.query.monitoring;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import school.evidence.platform.access.Caller;
import school.evidence.query.ReadModels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads a school's monitoring list and next steps, as one reader may see them. */
@Component
public class MonitoringReads {

    /** One page of the list (or all of it) and the whole list's length. */
    public record Listed(List<MonitoringRecord> rows, long total) {
    }

    private final MongoDatabase database;
    private final MongoCollection<Document> activities;

    public MonitoringReads(MongoDatabase database) {
        this.database = database;
        this.activities = database.getCollection(MonitoringListProjection.COLLECTION);
    }

    /** The list newest first by the date things happened; {@code asOf}: as the product knew it then. */
    public Listed list(String urn, MonitoringFilter filter, Instant asOf, MonitoringPage.Slice slice, Caller reader) {
        MonitoringPage found = find(urn, filter, asOf, slice);
        ConfidentialFindings view = ConfidentialFindings.forReader(database, reader);
        List<MonitoringRecord> rows = RecordedLate.mark(database, urn, found.rows()).stream().map(view::activity)
                                                  .map(row -> ReadModels.as(row, MonitoringRecord.class)).toList();
        return new Listed(rows, found.total());
    }

    /** One record as its reader may see it, or empty when there is none. */
    /** A school's standing records of one kind, newest first (the first page of the list). */
    public List<MonitoringRecord> ofType(String urn, school.evidence.kernel.monitoring.MonitoringType type,
                                         Caller reader) {
        return list(urn, new MonitoringFilter(type, null, null, null, null, false), null,
                    new MonitoringPage.Slice(0, 20), reader).rows();
    }

    public java.util.Optional<MonitoringRecord> one(String activityId, Caller reader) {
        Document row = activities.find(com.mongodb.client.model.Filters.eq("_id", activityId)).first();
        if (row == null) {
            return java.util.Optional.empty();
        }
        Document marked = RecordedLate.mark(database, row.getString(ReadModels.SCHOOL_URN), List.of(row)).get(0);
        return java.util.Optional.of(ReadModels.as(ConfidentialFindings.forReader(database, reader).activity(marked),
                                                   MonitoringRecord.class));
    }

    /** Next steps by status ({@code OPEN}, {@code OVERDUE} on {@code day}, {@code CHECKED}, {@code ALL}). */
    public List<NextStepView> nextSteps(String urn, String status, String owner, LocalDate day, Caller reader) {
        ConfidentialFindings view = ConfidentialFindings.forReader(database, reader);
        return MonitoringLookups.nextSteps(database, urn, status, owner, day).stream().map(view::nextStep)
                                // asking by owner must not tell who owns a confidential step one may not read
                                .filter(step -> owner == null || !step.containsKey("restricted"))
                                .map(step -> ReadModels.as(step, NextStepView.class)).toList();
    }

    private MonitoringPage find(String urn, MonitoringFilter filter, Instant asOf, MonitoringPage.Slice slice) {
        if (asOf != null) {
            return MonitoringAsOf.list(database, urn, asOf, filter, slice);
        }
        Bson query = filter.query(urn);
        FindIterable<Document> found = activities.find(query).sort(
                Sorts.orderBy(Sorts.descending("current.occurredOn"), Sorts.ascending("recordedAt", "_id")));
        if (slice != null) {
            found = found.skip(slice.skip()).limit(slice.size());
        }
        List<Document> rows = found.into(new ArrayList<>());
        return new MonitoringPage(rows, slice == null ? rows.size() : activities.countDocuments(query));
    }
}
