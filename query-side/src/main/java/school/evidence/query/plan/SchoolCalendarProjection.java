package school.evidence.query.plan;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.kernel.school.SchoolCalendarSet;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Each school's half-term dates per academic year, keyed {@code <urn>-<year>}; the latest setting wins. */
@Component
@ProcessingGroup("school-calendars")
public class SchoolCalendarProjection {

    static final String COLLECTION = "school_calendars";
    private final MongoCollection<Document> calendars;

    public SchoolCalendarProjection(MongoDatabase database) {
        this.calendars = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(SchoolCalendarSet event) {
        Document terms = new Document();
        event.calendar().halfTerms().forEach((h, t) -> terms.append(h.name(), new Document(
                "start", t.start().toString()).append("end", t.end().toString())));
        String id = event.urn() + "-" + event.calendar().academicYear();
        calendars.replaceOne(eq("_id", id), new Document("_id", id).append(SCHOOL_URN, event.urn())
                                                                   .append("academicYear", event.calendar().academicYear())
                                                                   .append("halfTerms", terms),
                             new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        calendars.deleteMany(new Document());
    }

    /** The calendar as a kernel value, for the rules that need dates. */
    public static Optional<SchoolCalendar> find(MongoDatabase database, String urn, String academicYear) {
        Document doc = database.getCollection(COLLECTION).find(eq("_id", urn + "-" + academicYear)).first();
        if (doc == null) {
            return Optional.empty();
        }
        Map<HalfTerm, SchoolCalendar.Term> terms = new EnumMap<>(HalfTerm.class);
        doc.get("halfTerms", Document.class).forEach((h, t) -> {
            Document term = (Document) t;
            terms.put(HalfTerm.valueOf(h), new SchoolCalendar.Term(LocalDate.parse(term.getString("start")),
                                                                   LocalDate.parse(term.getString("end"))));
        });
        return Optional.of(new SchoolCalendar(academicYear, terms));
    }

    public static Optional<Document> document(MongoDatabase database, String urn, String academicYear) {
        return Optional.ofNullable(database.getCollection(COLLECTION).find(eq("_id", urn + "-" + academicYear)).first());
    }
}
