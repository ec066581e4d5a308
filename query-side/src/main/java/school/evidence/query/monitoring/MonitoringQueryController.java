package school.evidence.query.monitoring;

import school.evidence.platform.access.Caller;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

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
                                .map(step -> ConfidentialFindings.nextStep(caller, step)).toList();
    }

    /**
     * A school's monitoring, newest first by the date it happened. Filters: {@code type}, {@code from}/{@code to}
     * (inclusive dates it happened), {@code actionId}, {@code pupilGroup}; retracted records are listed (marked) unless
     * {@code includeRetracted=false}. {@code asOf=<instant>}: the list as the product knew it then. Each row says
     * {@code recordedLate} when it was recorded after the half-term it happened in had ended (school calendar).
     */
    List<Document> list(String urn, MonitoringType type, LocalDate from, LocalDate to, String actionId,
                        PupilGroup pupilGroup, boolean includeRetracted) {
        return list(urn, type, from, to, actionId, pupilGroup, includeRetracted, null);
    }

    @GetMapping("/api/schools/{urn}/monitoring")
    List<Document> list(@PathVariable String urn,
                        @RequestParam(required = false) MonitoringType type,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) String actionId,
                        @RequestParam(required = false) PupilGroup pupilGroup,
                        @RequestParam(defaultValue = "true") boolean includeRetracted,
                        @RequestParam(required = false) java.time.Instant asOf) {
        Caller caller = Caller.current();
        if (asOf != null) {
            return RecordedLate.mark(database, urn, MonitoringAsOf.list(activities, urn, asOf, type, from, to, actionId,
                                                                        pupilGroup, includeRetracted)).stream()
                               .map(row -> ConfidentialFindings.activity(caller, row)).toList();
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw Rejection.invalid("from", "from must not be after to");
        }
        // all values are bound as typed values through the driver's builders, never spliced into a query
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("schoolUrn", urn));
        if (type != null) {
            filters.add(eq("type", type.name()));
        }
        if (from != null) {
            filters.add(Filters.gte("current.occurredOn", from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lte("current.occurredOn", to.toString()));
        }
        if (actionId != null) {
            filters.add(eq("current.actionIds", actionId));
        }
        if (pupilGroup != null) {
            filters.add(eq("current.focus.pupilGroups", pupilGroup.name()));
        }
        if (!includeRetracted) {
            filters.add(eq("retracted", false));
        }
        List<Document> found = activities.find(Filters.and(filters))
                                         .sort(Sorts.orderBy(Sorts.descending("current.occurredOn"),
                                                             Sorts.ascending("recordedAt")))
                                         .into(new ArrayList<>());
        found.forEach(d -> {
            d.remove("_id");
            d.remove("seq");
        });
        return RecordedLate.mark(database, urn, found).stream()
                           .map(row -> ConfidentialFindings.activity(caller, row)).toList();
    }
}
