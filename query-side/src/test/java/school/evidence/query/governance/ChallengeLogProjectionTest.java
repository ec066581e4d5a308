package school.evidence.query.governance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeAnswered;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeClosed;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeFollowedUp;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.governance.GovernanceEvents.MeetingRecorded;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

class ChallengeLogProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @Test
    void showsEachChallengeWithAnswerFollowUpAndWhatChangedPerPriorityAndAction() {
        var db = MONGO.freshDatabase();
        ChallengeLogProjection projection = new ChallengeLogProjection(db);
        GovernanceQueryController reads = new GovernanceQueryController(new ChallengeLog(db));
        LocalDate nov = LocalDate.of(2023, 11, 14);
        var answered = event("Challenge", "ch1", 1, new ChallengeAnswered("ch1", "108520", "slt", "Tutoring starts"), "slt");
        feed(projection,
             event("Meeting", "m1", 0, new MeetingRecorded("m1", "108520", MeetingKind.COMMITTEE, "Standards", nov,
                                                           "Autumn standards"), "slt"),
             event("Challenge", "ch1", 0, new ChallengeRaised("ch1", "108520", "p", "P5", null, "m1", null, nov, "JC",
                                                              "Why are Y2 disadvantaged pupils behind?"), "governor"),
             answered, answered,
             event("Challenge", "ch1", 2, new ChallengeFollowedUp("ch1", "108520", "Report impact in spring",
                                                                  LocalDate.of(2024, 3, 5)), "governor"),
             event("Challenge", "ch1", 3, new ChallengeClosed("ch1", "108520", "Gap down from 30% to 10%"), "governor"),
             event("Challenge", "ch2", 0, new ChallengeRaised("ch2", "108520", "p", null, "a1", null, "gv1", nov, "JC",
                                                              "How is reading tracked?"), "governor"));

        List<Challenge> log = reads.challenges("108520", null, null, null);
        assertThat(log).hasSize(2);
        Challenge first = log.get(0);
        assertThat(first.status()).isEqualTo("CLOSED");
        assertThat(first.answers()).hasSize(1);
        assertThat(first.followUps().get(0).dueOn()).isEqualTo("2024-03-05");
        assertThat(first.whatChanged()).isEqualTo("Gap down from 30% to 10%");
        assertThat(first.meeting().committee()).isEqualTo("Standards");
        assertThat(reads.challenges("108520", "P5", null, null)).hasSize(1);
        assertThat(reads.challenges("108520", null, "a1", null)).extracting(Challenge::challengeId)
                                                                .containsExactly("ch2");
        assertThat(reads.challenges("108520", null, null, ChallengeLog.Status.OPEN)).hasSize(1);
        assertThat(reads.challenges("100000", null, null, null)).isEmpty();
        assertThat(reads.meetings("108520")).hasSize(1);
    }
}
