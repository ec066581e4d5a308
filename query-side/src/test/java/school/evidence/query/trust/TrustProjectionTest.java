package school.evidence.query.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustEvents.ImprovementPhaseChanged;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

class TrustProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @Test
    void showsEachSchoolsPhaseAndItsHistorySideBySide() {
        var db = MONGO.freshDatabase();
        TrustProjection projection = new TrustProjection(db);
        TrustQueryController reads = new TrustQueryController(new TrustReads(db));
        var changed = event("Trust", "north-star", 3, new ImprovementPhaseChanged("north-star", "108520",
                ImprovementPhase.REPAIR, ImprovementPhase.IMPROVE, LocalDate.of(2024, 1, 8), "Teaching now good"), "officer");
        feed(projection,
             event("Trust", "north-star", 0, new TrustRegistered("north-star", "North Star Learning Trust"), "officer"),
             event("Trust", "north-star", 1, new SchoolJoinedTrust("north-star", "108520", ImprovementPhase.REPAIR,
                                                                  LocalDate.of(2023, 9, 1)), "officer"),
             event("Trust", "north-star", 2, new SchoolJoinedTrust("north-star", "100001", ImprovementPhase.SUSTAIN,
                                                                  LocalDate.of(2023, 9, 1)), "officer"),
             changed, changed);

        TrustView trust = reads.trust("north-star", LocalDate.of(2024, 2, 1), null);
        List<TrustView.School> schools = trust.schools();
        assertThat(schools).extracting(s -> s.urn() + "=" + s.phase())
                           .containsExactly("108520=IMPROVE", "100001=SUSTAIN");
        assertThat(schools.get(0).phaseHistory()).extracting(TrustView.Phase::phase)
                                                                           .containsExactly("REPAIR", "IMPROVE");
        assertThat(schools.get(0).planId()).isEqualTo("108520-2023-24");
        assertThat(schools.get(0).ragDistribution()).isNull();
        assertThat(schools.get(0).overdueNextSteps()).isZero();
        assertThat(trust.academicYear()).isEqualTo("2023-24");
        assertThatThrownBy(() -> reads.trust("nope", null, null)).hasMessageContaining("No trust");
    }

    @Test
    void thePhaseInForceOnADayIsTheLatestToHaveTakenEffectByThenInOrderOfEffectAndAsRecordedAtAnInstant() {
        var db = MONGO.freshDatabase();
        TrustProjection projection = new TrustProjection(db);
        TrustQueryController reads = new TrustQueryController(new TrustReads(db));
        java.time.Instant t0 = java.time.Instant.parse("2024-03-01T09:00:00Z");
        feed(projection,
             event("Trust", "north-star", 0, new TrustRegistered("north-star", "North Star"), "officer", t0),
             event("Trust", "north-star", 1, new SchoolJoinedTrust("north-star", "108520", ImprovementPhase.REPAIR,
                                                                  LocalDate.of(2023, 9, 1), List.of("Ofsted RI")),
                   "officer", t0.plusSeconds(1)),
             // recorded first: takes effect in 2032
             event("Trust", "north-star", 2, new ImprovementPhaseChanged("north-star", "108520", ImprovementPhase.REPAIR,
                     ImprovementPhase.SUSTAIN, LocalDate.of(2032, 9, 1), "Planned exit", List.of()), "officer",
                   t0.plusSeconds(2)),
             // recorded later: took effect in 2024
             event("Trust", "north-star", 3, new ImprovementPhaseChanged("north-star", "108520", ImprovementPhase.REPAIR,
                     ImprovementPhase.IMPROVE, LocalDate.of(2024, 1, 8), "Teaching now good",
                     List.of("KS2 above floor", "Ofsted grade 3")), "officer", t0.plusSeconds(3)));

        TrustView.School in2024 = reads.trust("north-star", LocalDate.of(2024, 2, 1), null).schools().get(0);
        assertThat(in2024.phase()).isEqualTo("IMPROVE");
        assertThat(in2024.phaseSince()).isEqualTo("2024-01-08");
        assertThat(in2024.indicativeMeasures()).containsExactly("KS2 above floor", "Ofsted grade 3");
        assertThat(in2024.phaseHistory()).extracting(TrustView.Phase::from)
                                                                   .containsExactly("2023-09-01", "2024-01-08", "2032-09-01");
        assertThat(in2024.phaseHistory().get(0).indicativeMeasures())
                .containsExactly("Ofsted RI");
        assertThat(reads.trust("north-star", LocalDate.of(2023, 12, 1), null).schools().get(0).phase()).isEqualTo("REPAIR");
        assertThat(reads.trust("north-star", LocalDate.of(2033, 1, 1), null).schools().get(0).phase()).isEqualTo("SUSTAIN");
        // before it joined, the school is not in the trust's view
        assertThat(reads.trust("north-star", LocalDate.of(2023, 8, 1), null).schools()).isEmpty();
        // as recorded before the 2024 change was entered: still REPAIR on that day, and the late entry not yet known
        TrustView.School asRecorded = reads.trust("north-star", LocalDate.of(2024, 2, 1), t0.plusMillis(2500))
                                           .schools().get(0);
        assertThat(asRecorded.phase()).isEqualTo("REPAIR");
        assertThat(asRecorded.phaseHistory()).extracting(TrustView.Phase::from)
                                                                       .containsExactly("2023-09-01", "2032-09-01");
        assertThat(reads.trust("north-star", LocalDate.of(2024, 2, 1), t0).schools()).isEmpty();
    }
}
