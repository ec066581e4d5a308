package school.evidence.kernel.privacy;

import school.evidence.kernel.governance.GovernanceEvents;
import school.evidence.kernel.monitoring.MonitoringEvents;
import school.evidence.kernel.plan.PlanEvents;
import school.evidence.kernel.retention.RetentionEvents;
import school.evidence.kernel.selfevaluation.SelfEvaluationRecorded;
import school.evidence.kernel.triad.TriadEvents;
import school.evidence.kernel.trust.TrustEvents;
import school.evidence.kernel.trustplan.TrustPlanEvents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which fields of which events are personal data: the one table the ledger's encryption follows. Paths are into the
 * event's JSON; {@code [*]} means every element of a list.
 *
 * @param record the paths whose values, joined by ":", name the record (an activity, an action, a challenge): every
 *               personal field is encrypted under the record's key, so a record can be shredded on its own
 *               (retention, or an erasure that finds a person mentioned in it)
 * @param people fields that say who (a lead, an owner, a teacher, a governor). Each value that is a person's name
 *               ({@link school.evidence.kernel.privacy.PeopleAndRoles}) is encrypted under that person's key and the
 *               record's; a role ("DHT", "English lead") stays readable
 * @param text   free text (findings, notes, questions, answers, titles, reasons): encrypted under the record's key and
 *               the key of every person the record names, so erasing any of them, or the record, erases it
 */
public record PersonalData(List<String> record, List<String> people, List<String> text) {

    /** What an erased field reads as, everywhere: projections, exports, packs. */
    public static final String ERASED = "[erased]";

    private static final List<String> MONITORING_PEOPLE = List.of(
            "details.lead", "details.nextSteps[*].owner", "details.specifics.lessonVisit.teacher",
            "details.specifics.governorVisit.governor", "details.specifics.externalReview.reviewer");
    private static final List<String> MONITORING_TEXT = List.of(
            "details.strengths[*]", "details.areasForDevelopment[*]", "details.evidenceReferences[*]",
            "details.nextSteps[*].text", "details.nextStepChecks[*].impact", "details.specifics.lessonVisit.teacherUserId",
            "details.specifics.pupilVoice.questionsAsked[*]", "details.specifics.pupilVoice.whatPupilsSaid[*]",
            "details.specifics.progressMeeting.barriers[*]", "details.specifics.progressMeeting.interventionsAgreed[*]",
            "details.specifics.governorVisit.purpose", "details.specifics.externalReview.organisation", "reason");
    private static final List<String> ACTION_PEOPLE = List.of(
            "details.leads[*]", "details.monitoredBy[*]", "details.evaluatedBy[*]", "details.governorLink");
    private static final List<String> ACTION_TEXT = List.of("details.title", "details.resources", "reason");

    public static final Map<String, PersonalData> BY_EVENT = table(
            entry(MonitoringEvents.MonitoringActivityRecorded.class, of("activityId"), MONITORING_PEOPLE, MONITORING_TEXT),
            entry(MonitoringEvents.MonitoringActivityAmended.class, of("activityId"), MONITORING_PEOPLE, MONITORING_TEXT),
            entry(MonitoringEvents.MonitoringActivityRetracted.class, of("activityId"), List.of(), of("reason")),
            entry(RetentionEvents.LegalHoldPlaced.class, of("recordId"), List.of(), of("reason")),
            entry(RetentionEvents.LegalHoldReleased.class, of("recordId"), List.of(), of("reason")),
            entry(GovernanceEvents.MeetingRecorded.class, of("meetingId"), List.of(), of("title", "committee")),
            entry(GovernanceEvents.ChallengeRaised.class, of("challengeId"), of("raisedBy"), of("question")),
            entry(GovernanceEvents.ChallengeAnswered.class, of("challengeId"), of("answeredBy"), of("answer")),
            entry(GovernanceEvents.ChallengeFollowedUp.class, of("challengeId"), List.of(), of("followUp")),
            entry(GovernanceEvents.ChallengeClosed.class, of("challengeId"), List.of(), of("whatChanged")),
            entry(PlanEvents.ImprovementPlanCreated.class, of("planId"), List.of(), of("title")),
            entry(PlanEvents.PlanClosed.class, of("planId"), List.of(), of("reason")),
            entry(PlanEvents.PriorityAdded.class, of("planId", "code"), List.of(), of("statement")),
            entry(PlanEvents.PriorityRevised.class, of("planId", "code"), List.of(), of("statement", "reason")),
            entry(PlanEvents.PriorityWithdrawn.class, of("planId", "code"), List.of(), of("reason")),
            entry(PlanEvents.SectionAdded.class, of("sectionId"), List.of(),
                  of("details.title", "details.aim", "details.ethosLinks[*]")),
            entry(PlanEvents.SubjectPlanAdded.class, of("subjectPlanId"), of("details.leader"), of("details.title")),
            entry(PlanEvents.ActionAdded.class, of("actionId"), ACTION_PEOPLE, ACTION_TEXT),
            entry(PlanEvents.ActionRevised.class, of("actionId"), ACTION_PEOPLE, ACTION_TEXT),
            entry(PlanEvents.ActionCarriedForward.class, of("actionId"), ACTION_PEOPLE, ACTION_TEXT),
            entry(PlanEvents.ActionWithdrawn.class, of("actionId"), List.of(), of("reason")),
            entry(PlanEvents.SuccessCriterionAdded.class, of("criterionId"), List.of(), of("text")),
            entry(PlanEvents.SuccessCriterionRevised.class, of("criterionId"), List.of(), of("text", "reason")),
            entry(PlanEvents.SuccessCriterionWithdrawn.class, of("criterionId"), List.of(), of("reason")),
            entry(PlanEvents.ActionRagJudged.class, of("actionId"), of("judgedBy"), of("rationale")),
            entry(PlanEvents.CriterionRagJudged.class, of("criterionId"), of("judgedBy"), of("rationale")),
            entry(PlanEvents.MonitoringPlanned.class, of("plannedId"), of("who"), List.of()),
            entry(PlanEvents.PlannedMonitoringRevised.class, of("plannedId"), of("who"), of("reason")),
            entry(PlanEvents.PlannedMonitoringCancelled.class, of("plannedId"), List.of(), of("reason")),
            entry(SelfEvaluationRecorded.class, of("evaluationId"), List.of(),
                  of("ratings[*].evidenceNotes", "ratings[*].actionNotes", "ratings[*].sefReference")),
            entry(TrustPlanEvents.TrustPlanCreated.class, of("planId"), List.of(), of("title")),
            entry(TrustPlanEvents.TrustPriorityAdded.class, of("planId", "code"), List.of(), of("statement")),
            entry(TrustPlanEvents.TrustActionAdded.class, of("actionId"), ACTION_PEOPLE, ACTION_TEXT),
            entry(TrustPlanEvents.TrustActionRagJudged.class, of("actionId", "schoolUrn"), of("judgedBy"),
                  of("rationale")),
            entry(TriadEvents.TriadReviewRecorded.class, of("reviewId"), of("reviewers[*]"),
                  of("focus", "findings[*]")),
            entry(TrustEvents.SchoolJoinedTrust.class, of("trustId", "schoolUrn"), List.of(),
                  of("indicativeMeasures[*]")),
            entry(TrustEvents.ImprovementPhaseChanged.class, of("trustId", "schoolUrn"), List.of(),
                  of("reason", "indicativeMeasures[*]")));

    private static List<String> of(String... paths) {
        return List.of(paths);
    }

    private record Entry(String type, PersonalData data) {
    }

    private static Entry entry(Class<?> type, List<String> record, List<String> people, List<String> text) {
        return new Entry(type.getName(), new PersonalData(record, people, text));
    }

    private static Map<String, PersonalData> table(Entry... entries) {
        Map<String, PersonalData> table = new HashMap<>();
        Stream.of(entries).forEach(e -> table.put(e.type(), e.data()));
        return Map.copyOf(table);
    }
}
