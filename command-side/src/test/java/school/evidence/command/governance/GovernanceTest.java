package school.evidence.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.command.plan.PlanLookup;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.governance.GovernanceCommands.AnswerChallenge;
import school.evidence.kernel.governance.GovernanceCommands.CloseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.FollowUpChallenge;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;
import school.evidence.kernel.governance.GovernanceCommands.RaiseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.RecordMeeting;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeAnswered;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeClosed;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeFollowedUp;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.governance.GovernanceEvents.MeetingRecorded;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class GovernanceTest {

    private static final String URN = "108520";
    private static final String PLAN = "108520-2023-24";
    private static final LocalDate DAY = LocalDate.of(2023, 11, 14);
    private static final ChallengeRaised RAISED = new ChallengeRaised("ch1", URN, PLAN, "P5", null, "m1", null, DAY,
            "JC", "Why are disadvantaged pupils in Y2 behind in maths?");

    private AggregateTestFixture<Challenge> challenges;
    private AggregateTestFixture<Meeting> meetings;

    @BeforeEach
    void setUp() {
        PlanLookup plans = id -> Optional.ofNullable(Map.of(PLAN, new PlanLookup.PlanFacts(PLAN, URN, "2023-24",
                Set.of("P1", "P5"), Map.of("a1", new PlanLookup.ActionFacts("1", null, false, null)))).get(id));
        challenges = new AggregateTestFixture<>(Challenge.class);
        challenges.registerInjectableResource(plans);
        challenges.registerInjectableResource((MeetingRegister) (m, urn) -> "m1".equals(m) && URN.equals(urn));
        challenges.registerInjectableResource((MonitoringRecords) id -> "gv1".equals(id)
                ? Optional.of(new MonitoringRecords.Facts(URN, false)) : Optional.empty());
        meetings = new AggregateTestFixture<>(Meeting.class);
        meetings.registerInjectableResource((SchoolDirectory) URN::equals);
    }

    @Test
    void recordsBoardAndCommitteeMeetings() {
        meetings.givenNoPriorActivity()
                .when(new RecordMeeting("m1", URN, MeetingKind.COMMITTEE, "Standards", DAY, "Autumn standards"))
                .expectEvents(new MeetingRecorded("m1", URN, MeetingKind.COMMITTEE, "Standards", DAY, "Autumn standards"));
        meetings.givenNoPriorActivity()
                .when(new RecordMeeting("m2", URN, MeetingKind.COMMITTEE, " ", DAY, "Unnamed committee"))
                .expectException(Rejection.class);
        meetings.givenNoPriorActivity()
                .when(new RecordMeeting("m3", "999999", MeetingKind.FULL_BOARD, null, DAY, "Board"))
                .expectException(Rejection.class);
    }

    @Test
    void raisesAChallengeLinkedToAPriorityAtAMeeting() {
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch1", URN, PLAN, "P5", null, "m1", null, DAY, "JC",
                                           "Why are disadvantaged pupils in Y2 behind in maths?"))
                  .expectEvents(RAISED);
    }

    @Test
    void refusesAChallengeWithoutALinkOrWithAnUnknownOneOrThatOnlyNotesAReport() {
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch1", URN, PLAN, null, null, "m1", null, DAY, "JC", "Question?"))
                  .expectExceptionMessage("Link the challenge to a priority or an action of the plan");
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch1", URN, PLAN, "P9", null, "m1", null, DAY, "JC", "Question?"))
                  .expectException(Rejection.class);
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch1", URN, PLAN, null, "zz", "m1", null, DAY, "JC", "Question?"))
                  .expectException(Rejection.class);
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch1", URN, PLAN, "P1", null, "m-other", null, DAY, "JC", "Question?"))
                  .expectException(Rejection.class);
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch1", URN, PLAN, "P1", null, "m1", null, DAY, "JC", "The report was noted."))
                  .expectException(Rejection.class).expectNoEvents();
    }

    @Test
    void raisesAChallengeOnALinkGovernorVisit() {
        challenges.givenNoPriorActivity()
                  .when(new RaiseChallenge("ch2", URN, PLAN, null, "a1", null, "gv1", DAY, "JC", "How is reading tracked?"))
                  .expectSuccessfulHandlerExecution();
    }

    @Test
    void isAnsweredFollowedUpAndClosedWithWhatChanged() {
        challenges.given(RAISED).when(new AnswerChallenge("ch1", "slt", "Two pupils joined mid-year; tutoring starts"))
                  .expectEvents(new ChallengeAnswered("ch1", URN, "slt", "Two pupils joined mid-year; tutoring starts"));
        ChallengeAnswered answered = new ChallengeAnswered("ch1", URN, "slt", "Tutoring starts");
        challenges.given(RAISED, answered)
                  .when(new FollowUpChallenge("ch1", "Report tutoring impact at spring meeting", LocalDate.of(2024, 3, 5)))
                  .expectEvents(new ChallengeFollowedUp("ch1", URN, "Report tutoring impact at spring meeting",
                                                        LocalDate.of(2024, 3, 5)));
        challenges.given(RAISED, answered)
                  .when(new CloseChallenge("ch1", "Gap closed from 30% to 10% by spring"))
                  .expectEvents(new ChallengeClosed("ch1", URN, "Gap closed from 30% to 10% by spring"));
    }

    @Test
    void cannotBeClosedOrFollowedUpBeforeAnAnswerNorChangedOnceClosed() {
        challenges.given(RAISED).when(new CloseChallenge("ch1", "done"))
                  .expectExceptionMessage("A challenge is closed only once it has been answered");
        challenges.given(RAISED).when(new FollowUpChallenge("ch1", "later", null))
                  .expectException(Rejection.class);
        challenges.given(RAISED, new ChallengeAnswered("ch1", URN, "slt", "a"))
                  .when(new CloseChallenge("ch1", "Noted"))
                  .expectException(Rejection.class);
        challenges.given(RAISED, new ChallengeAnswered("ch1", URN, "slt", "a"), new ChallengeClosed("ch1", URN, "x"))
                  .when(new AnswerChallenge("ch1", "slt", "more"))
                  .expectExceptionMessage("The challenge is closed");
    }
}
