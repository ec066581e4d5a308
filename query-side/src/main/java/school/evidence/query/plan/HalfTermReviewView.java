package school.evidence.query.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import school.evidence.query.monitoring.MonitoringRecord;

import java.util.List;

/**
 * A half-term review. {@code view=SCHOOL_TIME}: the half-term's dates and whether it has {@code ended}, the plan as
 * judged for it (each action's and criterion's {@code ragForHalfTerm}), the judgements and monitoring of the
 * half-term per action, and the monitoring that happened in it. {@code view=AS_RECORDED}: the plan, each action's
 * timeline and the monitoring as they stood at {@code asOf}, the end of the half-term.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HalfTermReviewView(String planId, String halfTerm, String view, String from, String to, Boolean ended,
                                 String asOf, PlanView plan, List<ActionTimeline> timelines,
                                 List<MonitoringRecord> monitoring) {
}
