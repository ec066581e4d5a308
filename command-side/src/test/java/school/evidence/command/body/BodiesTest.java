package school.evidence.command.body;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import school.evidence.command.school.School;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.command.trust.Trust;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.body.BodyCommands.RegisterSchoolBody;
import school.evidence.kernel.body.BodyCommands.RegisterTrustBody;
import school.evidence.kernel.body.BodyEvents.SchoolBodyRegistered;
import school.evidence.kernel.body.BodyEvents.TrustBodyRegistered;
import school.evidence.kernel.body.BodyKind;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

/** Bodies are registered once per organisation, with a kind; the school's and the trust's follow the same rules. */
class BodiesTest {

    private static final SchoolRegistered USWORTH = new SchoolRegistered("108520", "Usworth Colliery Primary School");
    private static final TrustRegistered NORTH_STAR = new TrustRegistered("north-star", "North Star Learning Trust");

    @Test
    void aSchoolRegistersItsCommitteeOnceAndANameThatDiffersOnlyInCasePunctuationOrAmpersandIsTheSameBody() {
        AggregateTestFixture<School> school = new AggregateTestFixture<>(School.class);
        SchoolBodyRegistered committee = new SchoolBodyRegistered("108520", "curriculum-and-standards-committee",
                                                                  "Curriculum & Standards Committee",
                                                                  BodyKind.COMMITTEE, null);
        school.given(USWORTH)
              .when(new RegisterSchoolBody("108520", " Curriculum & Standards Committee ", BodyKind.COMMITTEE, " "))
              .expectEvents(committee);
        school.given(USWORTH, committee)
              .when(new RegisterSchoolBody("108520", "CURRICULUM AND STANDARDS committee.", BodyKind.BOARD, null))
              .expectException(Rejection.class)
              .expectExceptionMessage("A body called CURRICULUM AND STANDARDS committee. is already registered")
              .expectNoEvents();
        school.given(USWORTH, committee)
              .when(new RegisterSchoolBody("108520", "Curriculum Committee", BodyKind.COMMITTEE, null))
              .expectEvents(new SchoolBodyRegistered("108520", "curriculum-committee", "Curriculum Committee",
                                                     BodyKind.COMMITTEE, null));
    }

    @Test
    void aTrustsBodyNeedsANameWithLettersAndAKind() {
        AggregateTestFixture<Trust> trust = new AggregateTestFixture<>(Trust.class);
        trust.registerInjectableResource((SchoolDirectory) urn -> true);
        trust.given(NORTH_STAR).when(new RegisterTrustBody("north-star", "Standards Board", BodyKind.BOARD,
                                                           "Holds the trust's heads to account"))
             .expectEvents(new TrustBodyRegistered("north-star", "standards-board", "Standards Board", BodyKind.BOARD,
                                                   "Holds the trust's heads to account"));
        trust.given(NORTH_STAR).when(new RegisterTrustBody("north-star", "-- !", BodyKind.BOARD, null))
             .expectException(Rejection.class).expectNoEvents();
        trust.given(NORTH_STAR).when(new RegisterTrustBody("north-star", "Hub", null, null))
             .expectException(Rejection.class).expectExceptionMessage("kind is required").expectNoEvents();
    }
}
