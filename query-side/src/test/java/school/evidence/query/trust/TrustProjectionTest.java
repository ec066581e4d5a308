package school.evidence.query.trust;

import org.bson.Document;
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
        TrustQueryController reads = new TrustQueryController(db);
        var changed = event("Trust", "north-star", 3, new ImprovementPhaseChanged("north-star", "108520",
                ImprovementPhase.REPAIR, ImprovementPhase.IMPROVE, LocalDate.of(2024, 1, 8), "Teaching now good"), "officer");
        feed(projection,
             event("Trust", "north-star", 0, new TrustRegistered("north-star", "North Star Learning Trust"), "officer"),
             event("Trust", "north-star", 1, new SchoolJoinedTrust("north-star", "108520", ImprovementPhase.REPAIR,
                                                                  LocalDate.of(2023, 9, 1)), "officer"),
             event("Trust", "north-star", 2, new SchoolJoinedTrust("north-star", "100001", ImprovementPhase.SUSTAIN,
                                                                  LocalDate.of(2023, 9, 1)), "officer"),
             changed, changed);

        Document trust = reads.trust("north-star", LocalDate.of(2024, 2, 1));
        List<Document> schools = trust.getList("schools", Document.class);
        assertThat(schools).extracting(s -> s.getString("urn") + "=" + s.getString("phase"))
                           .containsExactly("108520=IMPROVE", "100001=SUSTAIN");
        assertThat(schools.get(0).getList("phaseHistory", Document.class)).extracting(h -> h.getString("phase"))
                                                                           .containsExactly("REPAIR", "IMPROVE");
        assertThat(schools.get(0).getString("planId")).isEqualTo("108520-2023-24");
        assertThat(schools.get(0).get("ragDistribution")).isNull();
        assertThat(schools.get(0).getInteger("overdueNextSteps")).isZero();
        assertThat(trust.getString("academicYear")).isEqualTo("2023-24");
        assertThatThrownBy(() -> reads.trust("nope", null)).hasMessageContaining("No trust");
    }
}
