package school.evidence.query.monitoring;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.query.plan.SchoolCalendarProjection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks monitoring recorded after the half-term it happened in had ended (by the school's calendar): evidence
 * that still counts for that term, but was written up late, which an inspector should be able to see.
 */
final class RecordedLate {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private RecordedLate() {
    }

    static List<Document> mark(MongoDatabase db, String urn, List<Document> rows) {
        Map<String, Optional<SchoolCalendar>> calendars = new HashMap<>();
        for (Document row : rows) {
            LocalDate occurred = LocalDate.parse(row.get("current", Document.class).getString("occurredOn"));
            Optional<SchoolCalendar> calendar = calendars.computeIfAbsent(AcademicYear.containing(occurred),
                                                                          year -> SchoolCalendarProjection.find(db, urn, year));
            Optional<LocalDate> termEnd = calendar.flatMap(c -> endOfTermContaining(c, occurred));
            if (termEnd.isEmpty()) {
                row.put("recordedLate", null); // no calendar for that year: unknown
                continue;
            }
            LocalDate recorded = Instant.parse(row.getString("recordedAt")).atZone(SCHOOL_ZONE).toLocalDate();
            row.put("recordedLate", recorded.isAfter(termEnd.get()));
        }
        return rows;
    }

    /** The end of the half-term the date falls in, or of the next one if it falls in a holiday. */
    private static Optional<LocalDate> endOfTermContaining(SchoolCalendar calendar, LocalDate date) {
        for (HalfTerm h : HalfTerm.values()) {
            SchoolCalendar.Term term = calendar.halfTerms().get(h);
            if (term != null && !term.end().isBefore(date)) {
                return Optional.of(term.end());
            }
        }
        return Optional.empty();
    }
}
