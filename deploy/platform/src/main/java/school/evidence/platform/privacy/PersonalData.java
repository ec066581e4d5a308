package school.evidence.platform.privacy;

import school.evidence.kernel.governance.GovernanceEvents.ChallengeAnswered;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeClosed;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeFollowedUp;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;

import java.util.List;
import java.util.Map;

/**
 * Which fields of which events are personal data, and whose: the one table the ledger's encryption follows. Paths
 * are into the event's JSON; {@code [*]} means every element of a list.
 *
 * @param recordId the path of the record's own id: every personal field is encrypted under the record's key, so a
 *                 record can be shredded on its own (retention)
 * @param persons  paths naming the person the record is about (the teacher seen, the governor visiting, the reviewer,
 *                 the governor raising a challenge): the first one filled adds that person's key, so erasing them
 *                 shreds every record about them
 * @param fields   the personal fields: names, free-text findings, quotes
 */
public record PersonalData(String recordId, List<String> persons, List<String> fields) {

    private static final List<String> MONITORING_PERSONS = List.of(
            "details.specifics.lessonVisit.teacher", "details.specifics.governorVisit.governor",
            "details.specifics.externalReview.reviewer");
    private static final List<String> MONITORING_FIELDS = List.of(
            "details.strengths[*]", "details.areasForDevelopment[*]", "details.evidenceReferences[*]",
            "details.nextSteps[*].text", "details.nextSteps[*].owner", "details.nextStepChecks[*].impact",
            "details.specifics.lessonVisit.teacher", "details.specifics.lessonVisit.teacherUserId",
            "details.specifics.pupilVoice.questionsAsked[*]",
            "details.specifics.pupilVoice.whatPupilsSaid[*]", "details.specifics.progressMeeting.barriers[*]",
            "details.specifics.progressMeeting.interventionsAgreed[*]", "details.specifics.governorVisit.governor",
            "details.specifics.governorVisit.purpose", "details.specifics.externalReview.reviewer");

    public static final Map<String, PersonalData> BY_EVENT = Map.of(
            MonitoringActivityRecorded.class.getName(),
            new PersonalData("activityId", MONITORING_PERSONS, MONITORING_FIELDS),
            MonitoringActivityAmended.class.getName(),
            new PersonalData("activityId", MONITORING_PERSONS, MONITORING_FIELDS),
            MonitoringActivityRetracted.class.getName(), new PersonalData("activityId", List.of(), List.of("reason")),
            ChallengeRaised.class.getName(),
            new PersonalData("challengeId", List.of("raisedBy"), List.of("raisedBy", "question")),
            ChallengeAnswered.class.getName(), new PersonalData("challengeId", List.of(), List.of("answer")),
            ChallengeFollowedUp.class.getName(), new PersonalData("challengeId", List.of(), List.of("followUp")),
            ChallengeClosed.class.getName(), new PersonalData("challengeId", List.of(), List.of("whatChanged")));

    /** What an erased field reads as, everywhere: projections, exports, packs. */
    public static final String ERASED = "[erased]";
}
