package school.evidence.query.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A school's improvement plan with each action's and criterion's current RAG and the roll-ups. What applies only
 * sometimes is left out when it does not: {@code publishedAt}, {@code closedAt} and {@code closeReason} until then,
 * {@code framework} unless asked for, {@code asOf} unless a past view.
 */
public record PlanView(String planId, String schoolUrn, String academicYear, String title, String status,
                       String createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String publishedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String closedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String closeReason, long version,
                       List<Priority> priorities, List<Section> sections, List<SubjectPlan> subjectPlans,
                       List<Action> actions, RollUp rollUp,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Costs costs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<TriadReview> triadReviews,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String framework,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String asOf) {

    /** {@code trustLink}: the priority of its trust's plan this one feeds, if it does. */
    public record Priority(String code, String statement, List<String> dueBy, boolean withdrawn,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawal,
                           List<Revision> revisions,
                           @JsonInclude(JsonInclude.Include.NON_NULL) TrustLink trustLink) {
    }

    public record TrustLink(String trustPlanId, String trustId, String code) {
    }

    /** {@code ofstedAreasAsRecorded} appears when the areas are shown under another framework than recorded. */
    public record Section(String sectionId, String title, String aim, List<String> ethosLinks, List<String> ofstedAreas,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> ofstedAreasAsRecorded) {
    }

    public record Action(String actionId, String sectionId, String number, String title, List<String> priorities,
                         List<String> ofstedActions, List<String> leads, String governorLink, String resources,
                         String costPounds, List<String> monitoredBy, List<String> evaluatedBy, boolean withdrawn,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawal, List<Revision> revisions,
                         List<Criterion> criteria, String rag, RagJudgement ragJudgement,
                         @JsonInclude(JsonInclude.Include.NON_NULL) CarriedFrom carriedFrom,
                         @JsonInclude(JsonInclude.Include.NON_NULL) RagForHalfTerm ragForHalfTerm,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Timescale timescale,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String costBasis,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String fundingSource,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String wholeCostPounds,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> supports,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<SubjectAction> subjectActions,
                         @JsonInclude(JsonInclude.Include.NON_NULL) AgreedAt agreedAt) {
    }

    /** The triad review that agreed an action (term: AUTUMN, SPRING, SUMMER). */
    public record AgreedAt(String reviewId, String term, String reviewedOn) {
    }

    /** A review of the school by its triad partners ({@code reviewingSchools}, URNs) and the actions it agreed. */
    public record TriadReview(String reviewId, String trustId, String triadId, String term, String reviewedOn,
                              List<String> reviewingSchools, List<String> reviewers, String focus,
                              List<String> findings, List<String> actionIds, String recordedAt) {
    }

    /** A subject leader's plan inside this one; its actions are in {@code actions} with its id as their section. */
    public record SubjectPlan(String subjectPlanId, String area, String kind, String leader, String title,
                              Group rollUp) {
    }

    /** A subject plan's live action that supports a school action, with its RAG. */
    public record SubjectAction(String subjectPlanId, String area, String actionId, String number, String title,
                                String rag) {
    }

    /** When an action runs (ISO dates; no end when ongoing) and its milestones, earliest first. */
    public record Timescale(String startsOn, String endsOn, boolean ongoing, List<Milestone> milestones) {
    }

    public record Milestone(String dueOn, String title, List<String> criteria) {
    }

    /** {@code ragByHalfTerm}: the RAG given for each half-term the criterion was judged in. */
    public record Criterion(String criterionId, String text, List<String> halfTerms, boolean withdrawn,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawal withdrawal,
                            List<Revision> revisions, String rag, RagJudgement ragJudgement,
                            Map<String, String> ragByHalfTerm,
                            @JsonInclude(JsonInclude.Include.NON_NULL) RagForHalfTerm ragForHalfTerm) {
    }

    /**
     * In a half-term review: the latest judgement for that half-term, and whether it was written up after the
     * half-term had ended.
     */
    public record RagForHalfTerm(String status, String rationale, List<String> evidence, String judgedBy,
                                 String recordedAt, boolean recordedLate) {
    }

    /** A person's judgement: the RAG, what it means, for which half-term, why, on what evidence, by whom and when. */
    public record RagJudgement(String status, String meaning, String halfTerm, String rationale, List<String> evidence,
                               String judgedBy, String judgedByRole, String judgedAt) {
    }

    /** A change to a priority, action or criterion: when, by whom, why, and the fields as they were before. */
    public record Revision(String revisedAt, String revisedBy, String reason, Map<String, Object> before) {
    }

    public record Withdrawal(String reason, String withdrawnAt, String withdrawnBy) {
    }

    /** The action this one continues from last year's plan, and the priorities it no longer serves. */
    public record CarriedFrom(String planId, String actionId, List<String> droppedPriorities) {
    }

    /** The live actions' whole costs summed, in all and by funding source ({@code fundingSource} null: not said). */
    public record Costs(String totalPounds, int costedActions, List<BySource> bySource) {
    }

    public record BySource(@JsonInclude(JsonInclude.Include.NON_NULL) String fundingSource, String totalPounds,
                           int actions) {
    }

    /** RAG rolled up from the live actions: overall, per section and per priority. */
    public record RollUp(String rag, int actions, Map<String, Integer> distribution, List<Group> bySection,
                         List<Group> byPriority) {
    }

    /** One section's ({@code sectionId}, {@code title}) or one priority's ({@code code}) roll-up. */
    public record Group(@JsonInclude(JsonInclude.Include.NON_NULL) String sectionId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String code, String rag, int actions,
                        Map<String, Integer> distribution) {
    }
}
