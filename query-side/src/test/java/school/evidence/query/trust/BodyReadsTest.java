package school.evidence.query.trust;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.body.BodyEvents.SchoolBodyRegistered;
import school.evidence.kernel.body.BodyEvents.TrustBodyRegistered;
import school.evidence.kernel.body.BodyKind;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

/** The bodies a school's plan may name, its own and its trust's, each with the live actions that name it. */
class BodyReadsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final String URN = "108520";
    private static final String OTHER = "100001";
    private static final String PLAN = "108520-2026-27";

    @Test
    void aSchoolSeesItsOwnBodiesThenItsTrustsEachWithTheActionsNamingItAndNoOtherSchools() {
        MongoDatabase db = MONGO.freshDatabase();
        TrustProjection trusts = new TrustProjection(db);
        Object plans = EmbeddedMongo.planView(db);
        feed(trusts,
             event("Trust", "north-star", 0, new TrustRegistered("north-star", "North Star Learning Trust"), "officer"),
             event("Trust", "north-star", 1, new SchoolJoinedTrust("north-star", URN, ImprovementPhase.IMPROVE,
                                                                  LocalDate.of(2023, 9, 1)), "slt"),
             event("Trust", "north-star", 2, new SchoolJoinedTrust("north-star", OTHER, ImprovementPhase.SUSTAIN,
                                                                  LocalDate.of(2023, 9, 1)), "slt"),
             event("Trust", "north-star", 3, new TrustBodyRegistered("north-star", "standards-board", "Standards Board",
                                                                     BodyKind.BOARD, "Holds heads to account"), "officer"),
             event("School", URN, 1, new SchoolBodyRegistered(URN, "curriculum-committee", "Curriculum Committee",
                                                              BodyKind.COMMITTEE, null), "slt"),
             event("School", OTHER, 1, new SchoolBodyRegistered(OTHER, "finance-committee", "Finance Committee",
                                                                BodyKind.COMMITTEE, null), "slt"));
        feed(plans,
             event("ImprovementPlan", PLAN, 0, new ImprovementPlanCreated(PLAN, URN, "2026-27", "SIP"), "slt"),
             event("ImprovementPlan", PLAN, 1, new SectionAdded(PLAN, URN, "s1", new SectionDetails(
                     "Reading", null, List.of(), Set.of())), "slt"),
             event("ImprovementPlan", PLAN, 2, new ActionAdded(PLAN, URN, "a1", "s1", "1", new ActionDetails(
                     "Reading tutors", List.of(), List.of(), List.of("English lead"), null, null, null,
                     List.of("curriculum committee", "Standards  Board"), List.of("STANDARDS BOARD"))), "slt"),
             event("ImprovementPlan", PLAN, 3, new ActionAdded(PLAN, URN, "a2", "s1", "2", new ActionDetails(
                     "Library", List.of(), List.of(), List.of("Curriculum Committee"), null, null, null,
                     List.of(), List.of())), "slt"),
             event("ImprovementPlan", PLAN, 4, new ActionAdded(PLAN, URN, "a3", "s1", "3", new ActionDetails(
                     "Withdrawn one", List.of(), List.of(), List.of(), null, null, null,
                     List.of("Curriculum Committee"), List.of())), "slt"),
             event("ImprovementPlan", PLAN, 5, new ActionWithdrawn(PLAN, URN, "a3", "merged"), "slt"));
        Map<String, Set<String>> memberships = Map.of(URN, Set.of("north-star"), OTHER, Set.of("north-star"));
        BodyReads reads = new BodyReads(db, urn -> memberships.getOrDefault(urn, Set.of()),
                                        urn -> urn.equals(URN) ? "Usworth Colliery Primary School" : "School " + urn);

        List<BodiesView.Body> bodies = reads.forSchool(URN).bodies();
        assertThat(bodies).extracting(BodiesView.Body::name, BodiesView.Body::kind, BodiesView.Body::ownerKind,
                                      BodiesView.Body::ownerName)
                          .containsExactly(tuple("Curriculum Committee", "COMMITTEE", "SCHOOL",
                                                 "Usworth Colliery Primary School"),
                                           tuple("Standards Board", "BOARD", "TRUST", "North Star Learning Trust"));
        assertThat(bodies.get(0).namedIn()).extracting(BodiesView.Naming::number, BodiesView.Naming::as)
                                           .containsExactly(tuple("1", List.of("MONITORS")), tuple("2", List.of("LEADS")));
        assertThat(bodies.get(1).namedIn()).extracting(BodiesView.Naming::title, BodiesView.Naming::as)
                                           .containsExactly(tuple("Reading tutors", List.of("EVALUATES", "MONITORS")));
        assertThat(bodies.get(1).remit()).isEqualTo("Holds heads to account");

        assertThat(reads.forTrust("north-star").bodies()).extracting(BodiesView.Body::name)
                                                          .containsExactly("Standards Board");
        assertThat(reads.forSchool(OTHER).bodies()).extracting(BodiesView.Body::name)
                                                    .containsExactly("Finance Committee", "Standards Board");
        assertThat(reads.forSchool(OTHER).bodies().get(1).namedIn()).isEmpty(); // the other school's plan has none
    }
}
