package school.evidence.query.plan;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.query.plan.ScheduleReads.Term;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@Tag(name = "Monitoring schedule")
class ScheduleQueryController {

    private final ScheduleReads reads;

    ScheduleQueryController(ScheduleReads reads) {
        this.reads = reads;
    }

    /**
     * The plan's monitoring schedule by half-term, each item {@code PLANNED}, {@code DONE} (carried out by a
     * recorded, unretracted activity), {@code OVERDUE} (its half-term has ended by {@code on}, per the school's
     * calendar) or {@code CANCELLED}.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/api/plans/{planId}/schedule")
    ScheduleView schedule(@PathVariable String planId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return reads.schedule(planId, on == null ? LocalDate.now(PlanReads.SCHOOL_ZONE) : on);
    }

    /**
     * Which live actions had no monitoring evidence (unretracted, by the date it happened) in a term
     * ({@code term=AUTUMN|SPRING|SUMMER}) or half-term ({@code halfTerm=AUTUMN_2}), from the school's calendar;
     * {@code asOf=<instant>} as the product knew it then.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/api/plans/{planId}/coverage")
    ScheduleView.Coverage coverage(@PathVariable String planId, @RequestParam(required = false) Term term,
                                   @RequestParam(required = false) HalfTerm halfTerm,
                                   @RequestParam(required = false) Instant asOf) {
        return reads.coverage(planId, term, halfTerm, asOf);
    }
}
