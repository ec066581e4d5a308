package school.evidence.query.trustplan;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.PriorityLinkedToTrust;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionAdded;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionRagJudged;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPriorityAdded;
import school.evidence.query.EmbeddedMongo;
import school.evidence.query.trust.TrustDirectory;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

/**
 * A trust plan read by the trust (every school's RAG, roll-ups, costs, the schools' priorities feeding its own) and by
 * one school (only its own part).
 */
class TrustPlanReadsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final String TRUST = "north-star";
    private static final String PLAN = "north-star-2025-26";

    @Test
    void theTrustSeesEverySchoolsRagRolledUpAndEachSchoolOnlyItsOwn() throws Exception {
        MongoDatabase db = MONGO.freshDatabase();
        Constructor<?> trusts = Class.forName("school.evidence.query.trust.TrustProjection")
                                     .getDeclaredConstructor(MongoDatabase.class);
        trusts.setAccessible(true);
        feed(trusts.newInstance(db),
             event("Trust", TRUST, 0, new TrustRegistered(TRUST, "North Star Learning Trust"), "officer"),
             event("Trust", TRUST, 1, new SchoolJoinedTrust(TRUST, "108520", ImprovementPhase.IMPROVE,
                                                           LocalDate.of(2023, 9, 1)), "slt"),
             event("Trust", TRUST, 2, new SchoolJoinedTrust(TRUST, "100001", ImprovementPhase.SUSTAIN,
                                                           LocalDate.of(2023, 9, 1)), "slt"),
             event("Trust", TRUST, 3, new SchoolJoinedTrust(TRUST, "100002", ImprovementPhase.REPAIR,
                                                           LocalDate.of(2023, 9, 1)), "slt"));
        ActionDetails phonics = new ActionDetails("Phonics training", List.of("T1"), List.of(), List.of("Trust lead"),
                null, null, new BigDecimal("2500"), List.of(), List.of(), null, CostBasis.PER_SCHOOL, "Trust fund");
        ActionDetails visits = new ActionDetails("Reading visits", List.of("T1"), List.of(), List.of(), null, null,
                new BigDecimal("1000"), List.of(), List.of(), new Timescale(LocalDate.of(2025, 9, 1),
                LocalDate.of(2027, 7, 20), false, List.of()), CostBasis.PER_YEAR, null);
        feed(new TrustPlanProjection(db),
             event("TrustPlan", PLAN, 0, new TrustPlanCreated(PLAN, TRUST, "Trust plan", "2025-26", "2027-28"), "to"),
             event("TrustPlan", PLAN, 1, new TrustPriorityAdded(PLAN, TRUST, "T1", "Reading"), "to"),
             event("TrustPlan", PLAN, 2, new TrustActionAdded(PLAN, TRUST, "a1", "1", phonics, false,
                                                              List.of("100001", "108520")), "to"),
             event("TrustPlan", PLAN, 3, new TrustActionAdded(PLAN, TRUST, "a2", "2", visits, true, List.of()), "to"),
             event("TrustPlan", PLAN, 4, new TrustActionRagJudged(PLAN, TRUST, "a1", "108520", HalfTerm.AUTUMN_2,
                                                                  Rag.RED, "Not started", List.of(), "slt"), "slt"),
             event("TrustPlan", PLAN, 5, new TrustActionRagJudged(PLAN, TRUST, "a1", "108520", HalfTerm.AUTUMN_2,
                                                                  Rag.AMBER, "Started", List.of(), "slt"), "slt"),
             event("TrustPlan", PLAN, 6, new TrustActionRagJudged(PLAN, TRUST, "a1", "100001", HalfTerm.AUTUMN_2,
                                                                  Rag.GREEN, "Embedded", List.of(), "to"), "to"));
        Map<String, Set<String>> memberships = Map.of("108520", Set.of(TRUST), "100001", Set.of(TRUST),
                                                      "999999", Set.of());
        TrustPlanReads reads = new TrustPlanReads(db, new TrustDirectory(db),
                                                  urn -> memberships.getOrDefault(urn, Set.of()), urn -> "School " + urn);

        TrustPlanView plan = reads.plan(TRUST, PLAN);
        TrustPlanView.Action first = plan.actions().get(0);
        assertThat(first.schools()).extracting(TrustPlanView.School::urn, TrustPlanView.School::rag)
                                   .containsExactly(tuple("100001", "GREEN"), tuple("108520", "AMBER"));
        assertThat(first.rag()).isEqualTo("AMBER");
        assertThat(first.wholeCostPounds()).isEqualTo("5000"); // £2,500 per school × 2
        TrustPlanView.Action second = plan.actions().get(1);
        assertThat(second.schools()).extracting(TrustPlanView.School::urn).containsExactly("108520", "100001", "100002");
        assertThat(second.wholeCostPounds()).isEqualTo("2000"); // £1,000 a year × 2 school years
        assertThat(plan.priorities().get(0).rag()).isEqualTo("AMBER");
        assertThat(plan.priorities().get(0).distribution()).containsEntry("GREEN", 1).containsEntry("AMBER", 1)
                                                           .containsEntry("NOT_JUDGED", 3);
        assertThat(plan.totalCostPounds()).isEqualTo("7000");
        assertThat(reads.plansOf(TRUST)).extracting(TrustPlanView.Summary::actions, TrustPlanView.Summary::rag)
                                        .containsExactly(tuple(2, "AMBER"));
        assertThatThrownBy(() -> reads.plan("south", PLAN)).hasMessageContaining("has no plan");

        Object schoolPlans = EmbeddedMongo.planView(db);
        String sip = "108520-2025-26";
        feed(schoolPlans,
             event("ImprovementPlan", sip, 0, new ImprovementPlanCreated(sip, "108520", "2025-26", "SIP"), "slt"),
             event("ImprovementPlan", sip, 1, new PriorityAdded(sip, "108520", "P1", "Phonics", Set.of()), "slt"),
             event("ImprovementPlan", sip, 2, new PriorityAdded(sip, "108520", "P2", "Maths", Set.of()), "slt"),
             event("ImprovementPlan", sip, 3, new SectionAdded(sip, "108520", "s", new SectionDetails(
                     "Teaching", null, List.of(), Set.of())), "slt"),
             event("ImprovementPlan", sip, 4, new ActionAdded(sip, "108520", "x1", "s", "1", ActionDetails.of(
                     "Daily phonics", List.of("P1"), List.of(), null)), "slt"),
             event("ImprovementPlan", sip, 5, new ActionAdded(sip, "108520", "x2", "s", "2", ActionDetails.of(
                     "Maths mastery", List.of("P2"), List.of(), null)), "slt"),
             event("ImprovementPlan", sip, 6, new ActionRagJudged(sip, "108520", "x1", HalfTerm.AUTUMN_2, Rag.GREEN,
                                                                  "r", List.of(), "slt"), "slt"),
             event("ImprovementPlan", sip, 7, new PriorityLinkedToTrust(sip, "108520", "P1", PLAN, TRUST, "T1"), "slt"));
        assertThat(reads.plan(TRUST, PLAN).priorities().get(0).schools()).singleElement().satisfies(linked -> {
            assertThat(linked.urn()).isEqualTo("108520");
            assertThat(linked.code()).isEqualTo("P1");
            assertThat(linked.rag()).isEqualTo("GREEN");
            assertThat(linked.actions()).extracting(TrustPlanView.LinkedAction::title).containsExactly("Daily phonics");
        });

        TrustPlanView.ForSchool usworth = reads.forSchool("108520");
        assertThat(usworth.actions()).extracting(TrustPlanView.SchoolAction::number, TrustPlanView.SchoolAction::rag)
                                     .containsExactly(tuple("1", "AMBER"), tuple("2", null));
        assertThat(usworth.actions().get(0).judgement().rationale()).isEqualTo("Started");
        assertThat(usworth.actions().get(0).priorities().get(0).statement()).isEqualTo("Reading");
        assertThat(reads.forSchool("999999").actions()).isEmpty();
    }

    @Test
    void aPastViewIsThePlanAndItsSchoolsAsTheyWereRecordedThen() throws Exception {
        MongoDatabase db = MONGO.freshDatabase();
        Constructor<?> trusts = Class.forName("school.evidence.query.trust.TrustProjection")
                                     .getDeclaredConstructor(MongoDatabase.class);
        trusts.setAccessible(true);
        Instant t = Instant.parse("2025-09-01T08:00:00Z");
        feed(trusts.newInstance(db),
             event("Trust", TRUST, 0, new TrustRegistered(TRUST, "North Star Learning Trust"), "officer", t),
             event("Trust", TRUST, 1, new SchoolJoinedTrust(TRUST, "108520", ImprovementPhase.IMPROVE,
                                                           LocalDate.of(2025, 9, 1)), "slt", t),
             event("Trust", TRUST, 2, new SchoolJoinedTrust(TRUST, "100001", ImprovementPhase.SUSTAIN,
                                                           LocalDate.of(2026, 1, 5)), "slt", t.plusSeconds(600)));
        feed(new TrustPlanProjection(db),
             event("TrustPlan", PLAN, 0, new TrustPlanCreated(PLAN, TRUST, "Trust plan", "2025-26", "2027-28"), "to",
                   t.plusSeconds(10)),
             event("TrustPlan", PLAN, 1, new TrustPriorityAdded(PLAN, TRUST, "T1", "Reading"), "to", t.plusSeconds(20)),
             event("TrustPlan", PLAN, 2, new TrustActionAdded(PLAN, TRUST, "a1", "1", ActionDetails.of(
                     "Reading visits", List.of("T1"), List.of(), null), true, List.of()), "to", t.plusSeconds(30)),
             event("TrustPlan", PLAN, 3, new TrustActionRagJudged(PLAN, TRUST, "a1", "108520", HalfTerm.AUTUMN_1,
                                                                  Rag.RED, "Not started", List.of(), "slt"), "slt",
                   t.plusSeconds(40)),
             event("TrustPlan", PLAN, 4, new TrustActionRagJudged(PLAN, TRUST, "a1", "108520", HalfTerm.AUTUMN_2,
                                                                  Rag.GREEN, "Embedded", List.of(), "slt"), "slt",
                   t.plusSeconds(900)));
        TrustPlanReads reads = new TrustPlanReads(db, new TrustDirectory(db), urn -> Set.of(TRUST),
                                                  urn -> "School " + urn);

        TrustPlanView then = reads.plan(TRUST, PLAN, t.plusSeconds(300));
        assertThat(then.asOf()).isEqualTo(t.plusSeconds(300).toString());
        assertThat(then.actions().get(0).schools()).singleElement().satisfies(school -> {
            assertThat(school.urn()).isEqualTo("108520"); // the other school joined later
            assertThat(school.rag()).isEqualTo("RED");
            assertThat(school.monitoring()).isNull(); // not counted in a past view
        });
        TrustPlanView now = reads.plan(TRUST, PLAN);
        assertThat(now.actions().get(0).schools()).extracting(TrustPlanView.School::urn, TrustPlanView.School::rag)
                                                  .containsExactly(tuple("108520", "GREEN"), tuple("100001", null));
        assertThat(reads.plan(TRUST, PLAN, t.plusSeconds(25)).actions()).isEmpty(); // only its priority by then
        assertThatThrownBy(() -> reads.plan(TRUST, PLAN, t)).hasMessageContaining("was not yet recorded at");
    }
}
