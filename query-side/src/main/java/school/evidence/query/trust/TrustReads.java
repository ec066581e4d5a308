package school.evidence.query.trust;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.query.ReadModels;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.query.RecordedAt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/** Reads a trust's schools side by side, live or as the product knew them at an instant. */
@Component
class TrustReads {

    private final MongoDatabase database;

    TrustReads(MongoDatabase database) {
        this.database = database;
    }

    TrustView trust(String trustId, LocalDate on, Instant asOf) {
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        if (trust == null) {
            throw Rejection.notFound("trustId", "No trust " + trustId);
        }
        LocalDate day = on == null ? LocalDate.now(ZoneId.of("Europe/London")) : on;
        String at = asOf == null ? null : RecordedAt.format(asOf);
        String year = AcademicYear.containing(day);
        SchoolFigures figures = new SchoolFigures(database, day, year, asOf);
        List<Document> schools = new ArrayList<>();
        for (Document school : trust.getList("schools", Document.class)) {
            boolean recorded = at == null || school.getString("joinedRecordedAt") == null
                    || school.getString("joinedRecordedAt").compareTo(at) <= 0;
            if (!recorded || LocalDate.parse(school.getString("joinedOn")).isAfter(day)) {
                continue; // not (yet known to be) in the trust then
            }
            List<Document> history = school.getList("phaseHistory", Document.class).stream()
                    .filter(h -> at == null || h.getString("recordedAt") == null || h.getString("recordedAt").compareTo(at) <= 0)
                    .map(TrustReads::withoutEventId).toList();
            Document inForce = history.stream().filter(h -> !LocalDate.parse(h.getString("from")).isAfter(day))
                                      .reduce((first, second) -> second).orElse(history.get(0));
            Document row = new Document("urn", school.getString("urn")).append("joinedOn", school.getString("joinedOn"))
                    .append("phase", inForce.getString("phase")).append("phaseSince", inForce.getString("from"))
                    .append("phaseReason", inForce.getString("reason"))
                    .append("indicativeMeasures", inForce.get("indicativeMeasures"))
                    .append("phaseHistory", history);
            figures.addTo(row, school.getString("urn"));
            schools.add(row);
        }
        Document view = new Document("trustId", trustId).append("name", trust.getString("name"))
                                                        .append("kind", TrustDirectory.kindOf(trust)).append("on", day.toString())
                                                        .append("academicYear", year).append("schools", schools);
        if (asOf != null) {
            view.append("asOf", asOf.toString());
        }
        return ReadModels.as(view, TrustView.class);
    }

    private static Document withoutEventId(Document entry) {
        Document copy = new Document(entry);
        copy.remove("eventId");
        return copy;
    }
}
