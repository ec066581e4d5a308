package school.evidence.query.monitoring;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.platform.access.Caller;

import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Monitoring")
class MonitoringQueryController {

    private final MonitoringReads reads;

    MonitoringQueryController(MonitoringReads reads) {
        this.reads = reads;
    }

    enum NextStepStatus { OPEN, OVERDUE, CHECKED, ALL }

    /**
     * Agreed next steps of a school: {@code status=OPEN|OVERDUE|CHECKED|ALL} (default OPEN; overdue means still
     * open after its due date as of {@code on}, default today), optionally for one {@code owner}.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/next-steps")
    List<NextStepView> nextSteps(@PathVariable String urn,
                             @RequestParam(defaultValue = "OPEN") NextStepStatus status,
                             @RequestParam(required = false) String owner,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(java.time.ZoneId.of("Europe/London")) : on;
        return reads.nextSteps(urn, status.name(), owner, day, Caller.current());
    }

    /**
     * A school's monitoring, newest first by the date it happened. Filters: {@code type}, {@code from}/{@code to}
     * (inclusive dates it happened), {@code actionId}, {@code pupilGroup}; retracted records are listed (marked) unless
     * {@code includeRetracted=false}. {@code asOf=<instant>}: the list as the product knew it then. Each row says
     * {@code recordedLate} when it was recorded after the half-term it happened in had ended (school calendar).
     * {@code page} (from 0) and {@code size} (up to 500, default 100) return one page of the list, with the whole
     * list's length in the {@code X-Total-Count} header; without them, the whole list.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/monitoring")
    ResponseEntity<List<MonitoringRecord>> list(@PathVariable String urn,
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
        MonitoringReads.Listed found = reads.list(
                urn, new MonitoringFilter(type, from, to, actionId, pupilGroup, includeRetracted), asOf, slice,
                Caller.current());
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(found.rows());
    }

    /** The whole list, as the endpoint answers without paging. */
    List<MonitoringRecord> list(String urn, MonitoringType type, LocalDate from, LocalDate to, String actionId,
                                PupilGroup pupilGroup, boolean includeRetracted, java.time.Instant asOf) {
        return list(urn, type, from, to, actionId, pupilGroup, includeRetracted, asOf, null, null).getBody();
    }

    List<MonitoringRecord> list(String urn, MonitoringType type, LocalDate from, LocalDate to, String actionId,
                                PupilGroup pupilGroup, boolean includeRetracted) {
        return list(urn, type, from, to, actionId, pupilGroup, includeRetracted, null);
    }
}
