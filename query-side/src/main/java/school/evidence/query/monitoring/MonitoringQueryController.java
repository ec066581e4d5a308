package school.evidence.query.monitoring;

import school.evidence.platform.access.Caller;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Monitoring")
class MonitoringQueryController {

    private final MongoDatabase database;
    private final MongoCollection<Document> activities;

    MonitoringQueryController(MongoDatabase database) {
        this.database = database;
        this.activities = database.getCollection(MonitoringListProjection.COLLECTION);
    }

    enum NextStepStatus { OPEN, OVERDUE, CHECKED, ALL }

    /**
     * Agreed next steps of a school: {@code status=OPEN|OVERDUE|CHECKED|ALL} (default OPEN; overdue means still
     * open after its due date as of {@code on}, default today), optionally for one {@code owner}.
     */
    @GetMapping("/api/schools/{urn}/next-steps")
    List<Document> nextSteps(@PathVariable String urn,
                             @RequestParam(defaultValue = "OPEN") NextStepStatus status,
                             @RequestParam(required = false) String owner,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(java.time.ZoneId.of("Europe/London")) : on;
        Caller caller = Caller.current();
        return MonitoringLookups.nextSteps(database, urn, status.name(), owner, day).stream()
                                .map(ConfidentialFindings.forReader(database, caller)::nextStep)
                                // asking by owner must not tell who owns a confidential step one may not read
                                .filter(step -> owner == null || !step.containsKey("restricted")).toList();
    }

    /**
     * A school's monitoring, newest first by the date it happened. Filters: {@code type}, {@code from}/{@code to}
     * (inclusive dates it happened), {@code actionId}, {@code pupilGroup}; retracted records are listed (marked) unless
     * {@code includeRetracted=false}. {@code asOf=<instant>}: the list as the product knew it then. Each row says
     * {@code recordedLate} when it was recorded after the half-term it happened in had ended (school calendar).
     * {@code page} (from 0) and {@code size} (up to 500, default 100) return one page of the list, with the whole
     * list's length in the {@code X-Total-Count} header; without them, the whole list.
     */
    @GetMapping("/api/schools/{urn}/monitoring")
    ResponseEntity<List<Document>> list(@PathVariable String urn,
                                        @RequestParam(required = false) MonitoringType type,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate to,
                                        @RequestParam(required = false) String actionId,
                                        @RequestParam(required = false) PupilGroup pupilGroup,
                                        @RequestParam(defaultValue = "true") boolean includeRetracted,
                                        @RequestParam(required = false) java.time.Instant asOf,
                                        @RequestParam(required = false) @Min(0) Integer page,
                                        @RequestParam(required = false) @Min(1) @Max(500) Integer size) {
        MonitoringPage.Slice slice = page == null && size == null ? null
                : new MonitoringPage.Slice(page == null ? 0 : page, size == null ? 100 : size);
        MonitoringPage found = find(urn, new MonitoringFilter(type, from, to, actionId, pupilGroup, includeRetracted),
                                    asOf, slice);
        Caller caller = Caller.current();
        List<Document> rows = RecordedLate.mark(database, urn, found.rows()).stream()
                                          .map(ConfidentialFindings.forReader(database, caller)::activity).toList();
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(rows);
    }

    /** The whole list, as the endpoint answers without paging. */
    List<Document> list(String urn, MonitoringType type, LocalDate from, LocalDate to, String actionId,
                        PupilGroup pupilGroup, boolean includeRetracted, java.time.Instant asOf) {
        return list(urn, type, from, to, actionId, pupilGroup, includeRetracted, asOf, null, null).getBody();
    }

    List<Document> list(String urn, MonitoringType type, LocalDate from, LocalDate to, String actionId,
                        PupilGroup pupilGroup, boolean includeRetracted) {
        return list(urn, type, from, to, actionId, pupilGroup, includeRetracted, null);
    }

    private MonitoringPage find(String urn, MonitoringFilter filter, java.time.Instant asOf,
                                MonitoringPage.Slice slice) {
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
        rows.forEach(d -> {
            d.remove("_id");
            d.remove("seq");
        });
        return new MonitoringPage(rows, slice == null ? rows.size() : activities.countDocuments(query));
    }
}
