package school.evidence.query.plan;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.platform.access.Caller;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@Tag(name = "Improvement plans")
class PlanQueryController {

    private final PlanReads reads;
    private final int defaultStaleWeeks;

    PlanQueryController(PlanReads reads, @Value("${evidence.plan.stale-after-school-weeks:6}") int defaultStaleWeeks) {
        this.reads = reads;
        this.defaultStaleWeeks = defaultStaleWeeks;
    }

    /**
     * The plan with each action's and criterion's current RAG, roll-ups per section and priority, and the RAG
     * distribution. {@code framework=EIF_2019|RENEWED_2025} shows every section's Ofsted links under that framework
     * (the links as recorded stay in {@code ofstedAreasAsRecorded}). The ETag is the plan's version, for If-Match.
     * {@code asOf=<instant>} returns the plan as the product knew it then (by recorded time).
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/api/plans/{planId}")
    ResponseEntity<PlanView> plan(@PathVariable String planId,
                                  @RequestParam(required = false) OfstedArea.Framework framework,
                                  @RequestParam(required = false) Instant asOf) {
        PlanView plan = reads.plan(planId, framework, asOf);
        if (asOf != null) {
            return ResponseEntity.ok().body(plan); // a past version is not something to If-Match against
        }
        return ResponseEntity.ok().eTag("\"" + plan.version() + "\"").body(plan);
    }

    /**
     * Monitoring evidence and RAG judgements for one action, in the order they were recorded. Entries are never
     * rewritten, so {@code asOf=<instant>} is the entries recorded by then.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/api/plans/{planId}/actions/{actionId}/timeline")
    ActionTimeline timeline(@PathVariable String planId, @PathVariable String actionId,
                            @RequestParam(required = false) Instant asOf) {
        return reads.timeline(planId, actionId, asOf, Caller.current());
    }

    /**
     * What needs a leader's attention on a date, from the school's calendar: success criteria whose half-term has
     * ended without a RAG for it, and actions without monitoring evidence for more than {@code staleAfterSchoolWeeks}
     * school weeks (holidays do not count).
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/api/plans/{planId}/flags")
    PlanFlagsView flags(@PathVariable String planId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                        @RequestParam(required = false) @Min(1) @Max(52) Integer staleAfterSchoolWeeks) {
        return reads.flags(planId, on == null ? LocalDate.now(PlanReads.SCHOOL_ZONE) : on,
                           staleAfterSchoolWeeks == null ? defaultStaleWeeks : staleAfterSchoolWeeks, Caller.current());
    }

    enum ReviewView { SCHOOL_TIME, AS_RECORDED }

    /**
     * The half-term review, by the school's calendar. {@code view=SCHOOL_TIME} (default): the plan as judged for that
     * half-term, judgements written up later included and marked {@code recordedLate}, and the monitoring that
     * happened in it ({@link HalfTermReview}). {@code view=AS_RECORDED}: the plan, each action's timeline and the
     * school's monitoring as they stood at the end of the half-term (its last day, 23:59:59 school time).
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/api/plans/{planId}/reviews/{halfTerm}")
    HalfTermReviewView review(@PathVariable String planId, @PathVariable HalfTerm halfTerm,
                              @RequestParam(defaultValue = "SCHOOL_TIME") ReviewView view) {
        return reads.review(planId, halfTerm, view == ReviewView.AS_RECORDED, Caller.current());
    }
}
