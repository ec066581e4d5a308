package school.evidence.command.trust;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.trust.TrustCommands.AddSchoolToTrust;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.RegisterTrust;
import school.evidence.kernel.trust.TrustEvents.ImprovementPhaseChanged;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.time.LocalDate;

class TrustTest {

    private static final LocalDate SEPT = LocalDate.of(2023, 9, 1);
    private static final TrustRegistered TRUST = new TrustRegistered("north-star", "North Star Learning Trust");
    private static final SchoolJoinedTrust JOINED = new SchoolJoinedTrust("north-star", "108520", ImprovementPhase.REPAIR, SEPT);
    private AggregateTestFixture<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
        fixture.registerInjectableResource((SchoolDirectory) urn -> urn.startsWith("1"));
    }

    @Test
    void registersATrustAndItsSchoolsWithTheirPhase() {
        fixture.givenNoPriorActivity().when(new RegisterTrust("north-star", "North Star Learning Trust")).expectEvents(TRUST);
        fixture.givenNoPriorActivity().when(new RegisterTrust("North Star", "x")).expectException(Rejection.class);
        fixture.given(TRUST).when(new AddSchoolToTrust("north-star", "108520", ImprovementPhase.REPAIR, SEPT))
               .expectEvents(JOINED);
        fixture.given(TRUST).when(new AddSchoolToTrust("north-star", "908520", ImprovementPhase.REPAIR, SEPT))
               .expectException(Rejection.class);
        fixture.given(TRUST, JOINED).when(new AddSchoolToTrust("north-star", "108520", ImprovementPhase.IMPROVE, SEPT))
               .expectExceptionMessage("School 108520 is already in the trust");
    }

    @Test
    void changesASchoolsPhaseWithAReason() {
        LocalDate jan = LocalDate.of(2024, 1, 8);
        fixture.given(TRUST, JOINED)
               .when(new ChangeImprovementPhase("north-star", "108520", ImprovementPhase.IMPROVE, jan, "Teaching now good"))
               .expectEvents(new ImprovementPhaseChanged("north-star", "108520", ImprovementPhase.REPAIR,
                                                         ImprovementPhase.IMPROVE, jan, "Teaching now good"));
        fixture.given(TRUST, JOINED)
               .when(new ChangeImprovementPhase("north-star", "108520", ImprovementPhase.REPAIR, jan, "same"))
               .expectException(Rejection.class);
        fixture.given(TRUST, JOINED)
               .when(new ChangeImprovementPhase("north-star", "100000", ImprovementPhase.IMPROVE, jan, "r"))
               .expectExceptionMessage("School 100000 is not in the trust");
        fixture.given(TRUST, JOINED)
               .when(new ChangeImprovementPhase("north-star", "108520", ImprovementPhase.IMPROVE, jan, ""))
               .expectException(Rejection.class).expectNoEvents();
    }

    @Test
    void aPhaseCannotTakeEffectBeforeTheSchoolJoinedAndIsJudgedAgainstThePhaseInForceThatDay() {
        fixture.given(TRUST, JOINED)
               .when(new ChangeImprovementPhase("north-star", "108520", ImprovementPhase.IMPROVE, SEPT.minusDays(1), "r"))
               .expectException(Rejection.class).expectExceptionMessage(
                       "School 108520 joined the trust on 2023-09-01: a phase cannot take effect before that");
        LocalDate jan = LocalDate.of(2024, 1, 8);
        LocalDate nov = LocalDate.of(2023, 11, 6);
        ImprovementPhaseChanged improve = new ImprovementPhaseChanged("north-star", "108520", ImprovementPhase.REPAIR,
                                                                      ImprovementPhase.IMPROVE, jan, "Teaching now good");
        // a change recorded late, effective before the latest one, is judged against the phase in force on its day
        fixture.given(TRUST, JOINED, improve)
               .when(new ChangeImprovementPhase("north-star", "108520", ImprovementPhase.STABILISE, nov, "Leadership gap",
                                                java.util.List.of("Ofsted grade 4", "KS2 below floor")))
               .expectEvents(new ImprovementPhaseChanged("north-star", "108520", ImprovementPhase.REPAIR,
                                                         ImprovementPhase.STABILISE, nov, "Leadership gap",
                                                         java.util.List.of("Ofsted grade 4", "KS2 below floor")));
        fixture.given(TRUST, JOINED, improve)
               .when(new ChangeImprovementPhase("north-star", "108520", ImprovementPhase.REPAIR, nov, "already"))
               .expectException(Rejection.class).expectExceptionMessage("On 2023-11-06 the school is already in the REPAIR phase");
    }
}
