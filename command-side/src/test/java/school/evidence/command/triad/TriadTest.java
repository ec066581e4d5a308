package school.evidence.command.triad;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.command.trust.Trust;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadCommands.FormTriad;
import school.evidence.kernel.triad.TriadEvents.RotaSlot;
import school.evidence.kernel.triad.TriadEvents.TriadFormed;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.time.LocalDate;
import java.util.List;

/** A trust forms triads of three of its own schools, each in one triad a year, on a termly rota. */
class TriadTest {

    private static final String TRUST = "north-star";
    private static final LocalDate SEPT = LocalDate.of(2024, 9, 1);
    private static final Object[] MEMBERS = {
            new TrustRegistered(TRUST, "North Star Learning Trust"),
            new SchoolJoinedTrust(TRUST, "108520", ImprovementPhase.IMPROVE, SEPT),
            new SchoolJoinedTrust(TRUST, "100001", ImprovementPhase.SUSTAIN, SEPT),
            new SchoolJoinedTrust(TRUST, "100002", ImprovementPhase.REPAIR, SEPT),
            new SchoolJoinedTrust(TRUST, "100003", ImprovementPhase.REPAIR, SEPT)};
    private static final TriadFormed NORTH = new TriadFormed(TRUST, "north-triad-2025-26", "North triad", "2025-26",
            List.of(new RotaSlot(Term.AUTUMN, "108520"), new RotaSlot(Term.SPRING, "100001"),
                    new RotaSlot(Term.SUMMER, "100002")));

    private AggregateTestFixture<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
        fixture.registerInjectableResource((SchoolDirectory) urn -> true);
    }

    @Test
    void threeSchoolsOfTheTrustAreReviewedInTheOrderGivenOnePerTerm() {
        fixture.given(MEMBERS)
               .when(new FormTriad(TRUST, "north-triad-2025-26", " North triad ", "2025-26",
                                   List.of("108520", "100001", "100002")))
               .expectEvents(NORTH);
    }

    @Test
    void aSchoolOutsideTheTrustIsRefusedNamingSchoolsAndNothingIsWritten() {
        fixture.given(MEMBERS)
               .when(new FormTriad(TRUST, "north-triad-2025-26", "North triad", "2025-26",
                                   List.of("108520", "100001", "200001")))
               .expectException(Rejection.class).expectExceptionMessage("Not a school of the trust: 200001")
               .expectNoEvents();
    }

    @Test
    void aTriadIsThreeDifferentSchoolsEachInOneTriadAYearUnderANameNotTakenThatYear() {
        fixture.given(MEMBERS).when(new FormTriad(TRUST, "north-triad-2025-26", "North triad", "2025-26",
                                                  List.of("108520", "100001")))
               .expectException(Rejection.class).expectNoEvents();
        fixture.given(MEMBERS).when(new FormTriad(TRUST, "north-triad-2025-26", "North triad", "2025-26",
                                                  List.of("108520", "100001", "108520")))
               .expectException(Rejection.class).expectNoEvents();
        fixture.given(MEMBERS).andGiven(NORTH)
               .when(new FormTriad(TRUST, "south-triad-2025-26", "South triad", "2025-26",
                                   List.of("100003", "100001", "108520")))
               .expectException(Rejection.class)
               .expectExceptionMessage("Already in a triad in 2025-26: 100001, 108520").expectNoEvents();
        fixture.given(MEMBERS).andGiven(NORTH)
               .when(new FormTriad(TRUST, "north-triad-2025-26", "North Triad", "2025-26",
                                   List.of("100003", "100001", "108520")))
               .expectException(Rejection.class).expectNoEvents();
        // the next year the same schools may form the same triad again, in another order
        fixture.given(MEMBERS).andGiven(NORTH)
               .when(new FormTriad(TRUST, "north-triad-2026-27", "North triad", "2026-27",
                                   List.of("100002", "108520", "100001")))
               .expectSuccessfulHandlerExecution();
    }
}
