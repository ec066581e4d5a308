package school.evidence.query.cluster;

import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.trust.TrustCommands.OrganisationKind;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionRagJudged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which events a read model takes together when its work is split: a school's read models keep a school's events
 * together, a trust's read models a trust's, whoever recorded them.
 */
class SchoolSequencingTest {

    private static final TrustActionRagJudged JUDGED_AT_USWORTH = new TrustActionRagJudged(
            "plan-1", "wearside-learning-trust", "t1", "108520", null, null, "Reading spine in place", null, "slt");

    @Test
    void aSchoolsReadModelsKeepTheSchoolsEventsTogetherEvenWhenTheyConcernATrust() {
        SchoolSequencing bySchool = SchoolSequencing.bySchool();
        assertThat(bySchool.getSequenceIdentifierFor(message(new SchoolRegistered("108520", "Usworth"))))
                .isEqualTo("school:108520")
                .isEqualTo(bySchool.getSequenceIdentifierFor(message(JUDGED_AT_USWORTH)));
        assertThat(bySchool.getSequenceIdentifierFor(message(
                new TrustRegistered("wearside-learning-trust", "Wearside Learning Trust", OrganisationKind.TRUST))))
                .isEqualTo("trust:wearside-learning-trust");
    }

    @Test
    void aTrustsReadModelsKeepWhatConcernsTheTrustTogetherWhoeverRecordedIt() {
        SchoolSequencing byOrganisation = SchoolSequencing.byOrganisation();
        assertThat(byOrganisation.getSequenceIdentifierFor(message(JUDGED_AT_USWORTH)))
                .isEqualTo("trust:wearside-learning-trust")
                .isEqualTo(byOrganisation.getSequenceIdentifierFor(message(
                        new TrustRegistered("wearside-learning-trust", "Wearside", OrganisationKind.TRUST))));
        assertThat(byOrganisation.getSequenceIdentifierFor(message(new SchoolRegistered("108999", "Riverside"))))
                .isEqualTo("school:108999");
    }

    private static GenericEventMessage<?> message(Object payload) {
        return new GenericEventMessage<>(payload);
    }
}
