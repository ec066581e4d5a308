package school.evidence.query.trustplan;

import com.fasterxml.jackson.annotation.JsonInclude;
import school.evidence.query.plan.PlanView;

import java.util.List;
import java.util.Map;

/**
 * A trust's plan as its officers read it: each action with every taking-part school's RAG and their roll-up, each
 * priority rolled up over its actions in every school, and what the plan costs over its schools and years.
 */
public record TrustPlanView(String planId, String trustId, String trustName, String title, String fromYear,
                            String toYear, List<Priority> priorities, List<Action> actions, String totalCostPounds,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** @param schools the member schools' plan priorities that feed this one, with their actions' RAG */
    public record Priority(String code, String statement, String rag, Map<String, Integer> distribution,
                           List<String> actionNumbers, List<LinkedSchool> schools) {
    }

    /** A school's priority feeding the trust's, and the school's live actions under it with their RAG. */
    public record LinkedSchool(String urn, String name, String planId, String academicYear, String code,
                               String statement, String rag, List<LinkedAction> actions) {
    }

    public record LinkedAction(String actionId, String number, String title, String rag) {
    }

    /** @param schools the schools taking part (every school of the trust when {@code allSchools}) */
    public record Action(String actionId, String number, String title, List<String> priorities, List<String> leads,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String resources,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String costPounds,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String costBasis,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String fundingSource,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String wholeCostPounds,
                         List<String> monitoredBy, List<String> evaluatedBy,
                         @JsonInclude(JsonInclude.Include.NON_NULL) PlanView.Timescale timescale, boolean allSchools,
                         List<School> schools, String rag, Map<String, Integer> distribution) {
    }

    /**
     * One taking-part school: its latest judgement for the action, if any.
     *
     * @param monitoring how many of the school's standing monitoring records cite the action (left out of past views)
     */
    public record School(String urn, String name, String rag,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Judgement judgement,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer monitoring) {
    }

    public record Judgement(String halfTerm, String status, String rationale, List<String> evidence, String judgedBy,
                            String judgedAt) {
    }

    /** A plan in the trust's list. */
    public record Summary(String planId, String title, String fromYear, String toYear, int actions, String rag) {
    }

    /**
     * The trust actions one school takes part in, with its own RAG: what a school's pages show as "from the trust's
     * plan". Other schools taking part are not named.
     */
    public record ForSchool(String urn, List<SchoolAction> actions) {
    }

    /** @param monitoring how many of the school's standing monitoring records cite the action */
    public record SchoolAction(String planId, String planTitle, String trustId, String trustName, String fromYear,
                               String toYear, String actionId, String number, String title,
                               List<PriorityRef> priorities, List<String> leads,
                               @JsonInclude(JsonInclude.Include.NON_NULL) PlanView.Timescale timescale, String rag,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Judgement judgement, Integer monitoring) {

        /** Whether the action's plan covers the academic year (e.g. 2026-27). */
        public boolean covers(String academicYear) {
            return fromYear.compareTo(academicYear) <= 0 && toYear.compareTo(academicYear) >= 0;
        }
    }

    public record PriorityRef(String code, String statement) {
    }
}
