package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ActionRevised;
import school.evidence.kernel.plan.PlanEvents.ActionWithdrawn;
import school.evidence.kernel.plan.PlanEvents.CriterionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PlanPublished;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.plan.SubjectPlanDetails;
import school.evidence.kernel.plan.PlanEvents.SubjectPlanAdded;
import school.evidence.kernel.plan.Timescale;
import school.evidence.kernel.school.SchoolCalendarSet;
import school.evidence.query.EmbeddedMongo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

/** Roll-ups, framework mapping, revisions and the calendar-driven flags, on real events. */
class PlanReadsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final String PLAN = "108520-2023-24";
    private static final String URN = "108520";

    private MongoDatabase db;
    private PlanViewProjection planView;
    private PlanQueryController reads;
    private Object monitoring;
    private Object calendars;
    private long seq;

    @BeforeEach
    void setUp() {
        db = MONGO.freshDatabase();
        planView = new PlanViewProjection(db);
        reads = new PlanQueryController(new PlanReads(db), 6);
        calendars = new SchoolCalendarProjection(db);
        monitoring = EmbeddedMongo.monitoringList(db);
        seq = 0;
        plan(new ImprovementPlanCreated(PLAN, URN, "2023-24", "SIP"));
        plan(new PriorityAdded(PLAN, URN, "P1", "Teaching", Set.of(HalfTerm.SUMMER_2)));
        plan(new PriorityAdded(PLAN, URN, "P5", "Attainment", Set.of(HalfTerm.SUMMER_2)));
        plan(new SectionAdded(PLAN, URN, "teach", new SectionDetails("Teaching", "aim", List.of(),
                                                                     Set.of(OfstedArea.QUALITY_OF_EDUCATION))));
        plan(new SectionAdded(PLAN, URN, "lead", new SectionDetails("Leadership", "aim", List.of(),
                                                                    Set.of(OfstedArea.LEADERSHIP_AND_GOVERNANCE))));
        plan(new ActionAdded(PLAN, URN, "a1", "teach", "1", new ActionDetails("Expectations", List.of("P1"),
                List.of("OA3"), List.of("HT"), "JC", "CPD", new BigDecimal("1500.00"), List.of("SLT"), List.of("GB"))));
        plan(new ActionAdded(PLAN, URN, "a2", "teach", "2", ActionDetails.of("Reading", List.of("P1", "P5"), List.of(), null)));
        plan(new ActionAdded(PLAN, URN, "a3", "lead", "1", ActionDetails.of("Subject leaders", List.of("P5"), List.of(), null)));
        plan(new SuccessCriterionAdded(PLAN, URN, "a1", "c1", "Expectations shared",
                                       Set.of(HalfTerm.AUTUMN_1, HalfTerm.SPRING_1)));
    }


    private void plan(Object payload) {
        feed(planView, event("ImprovementPlan", PLAN, seq++, payload, "slt"));
    }

    private PlanView.Action action(PlanView plan, String id) {
        return plan.actions().stream().filter(a -> id.equals(a.actionId())).findFirst().orElseThrow();
    }

    private PlanView plan(OfstedArea.Framework framework) {
        return reads.plan(PLAN, framework, null).getBody();
    }

    @Test
    void rollsRagUpPerSectionAndPriorityWithTheDistribution() {
        plan(new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "r", List.of(), "slt"));
        plan(new ActionRagJudged(PLAN, URN, "a2", HalfTerm.AUTUMN_2, Rag.RED, "r", List.of(), "slt"));

        PlanView.RollUp rollUp = plan((OfstedArea.Framework) null).rollUp();
        assertThat(rollUp.rag()).isEqualTo("RED");
        assertThat(rollUp.distribution())
                .containsEntry("GREEN", 1).containsEntry("AMBER", 0).containsEntry("RED", 1).containsEntry("NOT_JUDGED", 1);
        List<PlanView.Group> sections = rollUp.bySection();
        assertThat(sections).extracting(PlanView.Group::rag).containsExactly("RED", null);
        List<PlanView.Group> priorities = rollUp.byPriority();
        assertThat(priorities).extracting(PlanView.Group::code).containsExactly("P1", "P5");
        assertThat(priorities).extracting(PlanView.Group::rag).containsExactly("RED", "RED");

        plan(new ActionWithdrawn(PLAN, URN, "a2", "merged"));
        PlanView.RollUp after = plan((OfstedArea.Framework) null).rollUp();
        assertThat(after.bySection().get(0).rag()).isEqualTo("GREEN");
        assertThat(after.byPriority().get(1).rag()).isNull();
    }

    @Test
    void sumsTheLiveActionsWholeCostsInAllAndByFundingSource() {
        Timescale twoYears = new Timescale(LocalDate.of(2023, 9, 1), LocalDate.of(2025, 7, 18), false, List.of());
        plan(new ActionRevised(PLAN, URN, "a2", new ActionDetails("Reading tutors", List.of("P1"), List.of(), List.of(),
                null, null, new BigDecimal("4000"), List.of(), List.of(), twoYears, CostBasis.PER_YEAR, "Pupil premium"),
                "costed"));
        plan(new ActionRevised(PLAN, URN, "a3", new ActionDetails("Subject leaders", List.of("P5"), List.of(), List.of(),
                null, null, new BigDecimal("700"), List.of(), List.of(), null, CostBasis.PER_SCHOOL, "Pupil premium"),
                "costed"));
        PlanView plan = plan((OfstedArea.Framework) null);
        assertThat(action(plan, "a2").wholeCostPounds()).isEqualTo("8000");
        assertThat(action(plan, "a2").costBasis()).isEqualTo("PER_YEAR");
        PlanView.Costs costs = plan.costs();
        assertThat(costs.totalPounds()).isEqualTo("10200.00"); // 1,500 + 2 years × 4,000 + 700 for the one school
        assertThat(costs.costedActions()).isEqualTo(3);
        assertThat(costs.bySource()).extracting(PlanView.BySource::fundingSource, PlanView.BySource::totalPounds,
                                                PlanView.BySource::actions)
                                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Pupil premium", "8700", 2),
                                                     org.assertj.core.groups.Tuple.tuple(null, "1500.00", 1));

        plan(new ActionWithdrawn(PLAN, URN, "a2", "tutoring funded by the trust instead"));
        assertThat(plan((OfstedArea.Framework) null).costs().totalPounds()).isEqualTo("2200.00");
    }

    @Test
    void aSubjectPlansActionsShowBesideTheSchoolActionTheySupportAndRollUpApartFromTheSchools() {
        plan(new SubjectPlanAdded(PLAN, URN, "english", new SubjectPlanDetails("English",
                SubjectPlanDetails.Kind.SUBJECT, "English lead", "English action plan")));
        plan(new ActionAdded(PLAN, URN, "e1", "english", "1", ActionDetails.of("Phonics catch-up", List.of("P1"),
                List.of("English lead"), null).withSupports(List.of("a2"))));
        plan(new ActionAdded(PLAN, URN, "e2", "english", "2", ActionDetails.of("Class libraries", List.of(),
                List.of(), null).withSupports(List.of("a2", "a1"))));
        plan(new ActionRagJudged(PLAN, URN, "e1", HalfTerm.AUTUMN_2, Rag.RED, "behind", List.of(), "slt"));
        plan(new ActionRagJudged(PLAN, URN, "a2", HalfTerm.AUTUMN_2, Rag.GREEN, "on track", List.of(), "slt"));

        PlanView plan = plan((OfstedArea.Framework) null);
        assertThat(plan.rollUp().actions()).isEqualTo(3); // the school's three, not the subject plan's two
        assertThat(plan.rollUp().distribution()).containsEntry("RED", 0);
        assertThat(plan.subjectPlans()).singleElement().satisfies(sp -> {
            assertThat(sp.title()).isEqualTo("English action plan");
            assertThat(sp.rollUp().rag()).isEqualTo("RED");
            assertThat(sp.rollUp().actions()).isEqualTo(2);
        });
        assertThat(action(plan, "a2").subjectActions()).extracting(PlanView.SubjectAction::number,
                                                                   PlanView.SubjectAction::rag)
                .containsExactly(tuple("1", "RED"), tuple("2", null));
        assertThat(action(plan, "a1").subjectActions()).extracting(PlanView.SubjectAction::title)
                                                       .containsExactly("Class libraries");
        assertThat(action(plan, "a3").subjectActions()).isNull();
        assertThat(action(plan, "e2").supports()).containsExactly("a2", "a1");
    }

    @Test
    void showsSectionsUnderEitherFrameworkWithoutChangingWhatWasRecorded() {
        List<PlanView.Section> renewed = plan(OfstedArea.Framework.RENEWED_2025).sections();
        assertThat(renewed.get(0).ofstedAreas())
                .containsExactly("CURRICULUM_AND_TEACHING", "ACHIEVEMENT");
        assertThat(renewed.get(0).ofstedAreasAsRecorded()).containsExactly("QUALITY_OF_EDUCATION");
        List<PlanView.Section> eif = plan(OfstedArea.Framework.EIF_2019).sections();
        assertThat(eif.get(1).ofstedAreas()).containsExactly("LEADERSHIP_AND_MANAGEMENT");
        assertThat(plan((OfstedArea.Framework) null).sections().get(1).ofstedAreas()).containsExactly("LEADERSHIP_AND_GOVERNANCE");
    }

    @Test
    void keepsRevisionsBesideTheCurrentWordingAndShowsStatusAndCost() {
        plan(new ActionRevised(PLAN, URN, "a2", ActionDetails.of("Reading at the core", List.of("P5"), List.of("DHT"), "JC"),
                               "wording agreed with governors"));
        plan(new PlanPublished(PLAN, URN));
        PlanView plan = plan((OfstedArea.Framework) null);
        PlanView.Action a2 = action(plan, "a2");
        assertThat(a2.title()).isEqualTo("Reading at the core");
        PlanView.Revision revision = a2.revisions().get(0);
        assertThat(revision.reason()).isEqualTo("wording agreed with governors");
        assertThat(revision.before().get("title")).isEqualTo("Reading");
        assertThat(action(plan, "a1").costPounds()).isEqualTo("1500.00");
        assertThat(action(plan, "a1").ofstedActions()).containsExactly("OA3");
        assertThat(plan.status()).isEqualTo("PUBLISHED");
    }

    private void setCalendar() {
        feed(calendars, event("School", URN, 1, new SchoolCalendarSet(URN, ScheduleReadsTest.calendar()), "slt"));
    }

    private void visit(String id, String date, String... actions) {
        EventMessage<?> message = event("MonitoringActivity", id, 0, new MonitoringActivityRecorded(id, URN, PLAN,
                MonitoringType.LESSON_VISIT, new MonitoringDetails(LocalDate.parse(date), "DHT", null, List.of(),
                                                                   List.of(), List.of(actions))), "slt");
        feed(monitoring, message);
    }

    @Test
    void listsTheMilestonesDueThisHalfTermOrTheNextOneInAHoliday() {
        setCalendar();
        plan(new ActionAdded(PLAN, URN, "a5", "teach", "3", new ActionDetails(
                "Reading spine", List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(),
                new Timescale(LocalDate.of(2023, 9, 4), LocalDate.of(2026, 7, 17), false, List.of(
                        new Timescale.Milestone(LocalDate.of(2023, 10, 13), "Staff trained", List.of()),
                        new Timescale.Milestone(LocalDate.of(2023, 12, 8), "Library restocked", List.of()),
                        new Timescale.Milestone(LocalDate.of(2023, 11, 3), "Spine agreed", List.of()),
                        new Timescale.Milestone(LocalDate.of(2025, 12, 5), "Two years on", List.of()))))));
        // 1 Nov is in Autumn 2 (30 Oct to 19 Dec): two milestones, earliest first; not autumn 1's, not 2025's
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 11, 1), null).milestonesDue())
                .extracting(PlanFlagsView.MilestoneDue::title).containsExactly("Spine agreed", "Library restocked");
        // 25 Oct is the half-term holiday: the coming half-term's
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 10, 25), null).milestonesDue())
                .extracting(PlanFlagsView.MilestoneDue::halfTerm).containsOnly("AUTUMN_2");
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 10, 2), null).milestonesDue())
                .extracting(PlanFlagsView.MilestoneDue::title, PlanFlagsView.MilestoneDue::actionNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Staff trained", "3"));
        plan(new ActionWithdrawn(PLAN, URN, "a5", "merged"));
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 11, 1), null).milestonesDue()).isEmpty();
    }

    @Test
    void anActionThatHasNotStartedIsNotStaleAndOneStartedLateCountsFromItsStart() {
        setCalendar();
        plan(new ActionAdded(PLAN, URN, "a4", "lead", "2", new ActionDetails(
                "Governor training", List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(),
                new Timescale(LocalDate.of(2023, 11, 20), LocalDate.of(2025, 7, 18), false, List.of()))));
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 11, 1), null).staleActions())
                .extracting(PlanFlagsView.StaleAction::actionId).containsExactly("a1", "a2", "a3").doesNotContain("a4");
        // 1 Dec: a4 started 9 school days ago, not 6 weeks: a3, with no timescale, counts from 4 Sept
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 12, 1), null).staleActions())
                .extracting(PlanFlagsView.StaleAction::actionId).contains("a3").doesNotContain("a4");
        // 1 Feb: a4 has gone over six school weeks from its start without evidence
        assertThat(reads.flags(PLAN, LocalDate.of(2024, 2, 1), null).staleActions())
                .extracting(PlanFlagsView.StaleAction::actionId).contains("a4");
    }

    @Test
    void flagsCriteriaLeftUnjudgedAfterTheirHalfTermAndActionsWithoutRecentEvidence() {
        assertThatThrownBy(() -> reads.flags(PLAN, LocalDate.of(2023, 11, 1), null))
                .hasMessageContaining("half-term dates");
        setCalendar();
        visit("v1", "2023-10-12", "a1");
        visit("v2", "2023-09-20", "a2");

        // 1 Nov: autumn 1 has ended without a RAG for c1; a2's last evidence was 20 Sept
        PlanFlagsView nov = reads.flags(PLAN, LocalDate.of(2023, 11, 1), null);
        assertThat(nov.unjudgedCriteria()).extracting(PlanFlagsView.UnjudgedCriterion::halfTerm)
                                                                   .containsExactly("AUTUMN_1");
        // school weeks, not calendar weeks: a2 has 25 school days since 20 Sept (the half-term holiday does not
        // count), so 5 weeks, not stale; a3 has had no evidence since term began on 4 Sept: 7.4 weeks
        assertThat(nov.staleActions()).extracting(PlanFlagsView.StaleAction::actionId)
                                                               .containsExactly("a3");
        assertThat(nov.staleActions().get(0).schoolWeeksWithoutEvidence())
                .isEqualTo(7.4);
        PlanFlagsView dec = reads.flags(PLAN, LocalDate.of(2023, 12, 1), null);
        // 1 Dec: a1's visit of 12 Oct is 31 school days (6.2 weeks) ago too
        assertThat(dec.staleActions()).extracting(PlanFlagsView.StaleAction::actionId)
                                                               .containsExactly("a1", "a2", "a3");
        assertThat(dec.staleActions().get(1).lastEvidenceOn()).isEqualTo("2023-09-20");
        assertThat(dec.staleActions().get(2).lastEvidenceOn()).isNull();
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 12, 1), 10).staleActions())
                .extracting(PlanFlagsView.StaleAction::actionId).containsExactly("a3");

        plan(new CriterionRagJudged(PLAN, URN, "a1", "c1", HalfTerm.AUTUMN_1, Rag.AMBER, "r", List.of(), "slt"));
        assertThat(reads.flags(PLAN, LocalDate.of(2023, 11, 1), null).unjudgedCriteria()).isEmpty();
        assertThat(reads.flags(PLAN, LocalDate.of(2024, 2, 12), null).unjudgedCriteria())
                .extracting(PlanFlagsView.UnjudgedCriterion::halfTerm).containsExactly("SPRING_1");
    }
}
