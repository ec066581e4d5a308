package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.PriorityAdded;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.PlanEvents.SuccessCriterionAdded;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

/** The plan view and the action timelines on the embedded MongoDB, fed real events. */
class PlanProjectionsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final String PLAN = "108520-2023-24";
    private static final String URN = "108520";

    private MongoDatabase db;
    private PlanViewProjection planView;
    private ActionTimelineProjection timelines;
    private PlanQueryController reads;

    @BeforeEach
    void setUp() {
        db = MONGO.freshDatabase();
        planView = new PlanViewProjection(db);
        timelines = new ActionTimelineProjection(db);
        reads = new PlanQueryController(new PlanReads(db), 6);
        feedBoth(plan(0, new ImprovementPlanCreated(PLAN, URN, "2023-24", "SIP 2023-2024")),
                 plan(1, new PriorityAdded(PLAN, URN, "P1", "Teaching is good", Set.of(HalfTerm.SUMMER_2))),
                 plan(2, new SectionAdded(PLAN, URN, "s1", new SectionDetails("Teaching", "Meet all pupils' needs",
                         List.of("curious"), Set.of(OfstedArea.QUALITY_OF_EDUCATION)))),
                 plan(3, new ActionAdded(PLAN, URN, "a1", "s1", "1", ActionDetails.of("Expectations", List.of("P1"),
                                                                              List.of("HT"), "JC"))),
                 plan(4, new ActionAdded(PLAN, URN, "a2", "s1", "2", ActionDetails.of("Reading", List.of("P1"),
                                                                              List.of("DHT"), "JC"))),
                 plan(5, new SuccessCriterionAdded(PLAN, URN, "a1", "c1", "Subject leaders share expectations",
                                                   Set.of(HalfTerm.AUTUMN_1))));
    }

    private void feedBoth(org.axonframework.eventhandling.EventMessage<?>... events) {
        feed(planView, events);
        feed(timelines, events);
    }

    private static org.axonframework.eventhandling.EventMessage<?> plan(long seq, Object payload) {
        return event("ImprovementPlan", PLAN, seq, payload, "slt");
    }

    private static org.axonframework.eventhandling.EventMessage<?> activity(String id, long seq, Object payload) {
        return event("MonitoringActivity", id, seq, payload, "subject-leader");
    }

    private static MonitoringDetails visit(String date, String... actions) {
        return new MonitoringDetails(LocalDate.parse(date), "DHT", new MonitoringDetails.Focus("Reading", List.of("Y4")),
                                     List.of("Clear modelling"), List.of("Pace"), List.of(actions));
    }

    private PlanView.Action action(String actionId) {
        return reads.plan(PLAN, null, null).getBody().actions().stream()
                    .filter(a -> actionId.equals(a.actionId())).findFirst().orElseThrow();
    }

    @Test
    void showsEachActionWithItsCriteriaAndLatestRag() {
        assertThat(action("a1").rag()).isNull();
        feedBoth(plan(6, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_1, Rag.AMBER, "started", List.of(),
                                             "slt")),
                 plan(7, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "embedded", List.of("v1"),
                                             "slt")));

        PlanView.Action a1 = action("a1");
        assertThat(a1.rag()).isEqualTo("GREEN");
        assertThat(a1.ragJudgement().halfTerm()).isEqualTo("AUTUMN_2");
        assertThat(a1.ragJudgement().judgedBy()).isEqualTo("slt");
        assertThat(a1.criteria()).extracting(PlanView.Criterion::text)
                                                         .containsExactly("Subject leaders share expectations");
        assertThat(action("a2").rag()).isNull();
        assertThat(reads.plan(PLAN, null, null).getHeaders().getETag()).isEqualTo("\"7\"");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        feedBoth(plan(1, new PriorityAdded(PLAN, URN, "P1", "Teaching is good", Set.of(HalfTerm.SUMMER_2))),
                 plan(5, new SuccessCriterionAdded(PLAN, URN, "a1", "c1", "Subject leaders share expectations",
                                                   Set.of(HalfTerm.AUTUMN_1))));
        assertThat(reads.plan(PLAN, null, null).getBody().priorities()).hasSize(1);
        assertThat(action("a1").criteria()).hasSize(1);
    }

    @Test
    void theTimelineKeepsEveryVersionAndRetractionInRecordedOrder() {
        feedBoth(activity("v1", 0, new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                                                                  visit("2023-10-12", "a1"))),
                 plan(6, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "embedded",
                                             List.of("v1"), "slt")),
                 // moved from a1 to a2: both timelines hear of it
                 activity("v1", 1, new MonitoringActivityAmended("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                                                                 visit("2023-10-11", "a2"), 2, "wrong action")),
                 activity("v1", 2, new MonitoringActivityRetracted("v1", URN, "duplicate")));

        List<ActionTimeline.Entry> a1 = reads.timeline(PLAN, "a1", null).entries();
        assertThat(a1).extracting(ActionTimeline.Entry::kind)
                      .containsExactly("MONITORING_RECORDED", "RAG_JUDGED", "MONITORING_AMENDED");
        assertThat(a1.get(2).stillCitesThisAction()).isFalse();
        assertThat(a1.get(0).details().occurredOn()).isEqualTo("2023-10-12");

        List<ActionTimeline.Entry> a2 = reads.timeline(PLAN, "a2", null).entries();
        assertThat(a2).extracting(ActionTimeline.Entry::kind).containsExactly("MONITORING_AMENDED", "MONITORING_RETRACTED");
        assertThat(a2.get(1).reason()).isEqualTo("duplicate");
        assertThat(a2.get(1).recordedBy()).isEqualTo("subject-leader");
    }

    @Test
    void timelineEntriesAreNotDuplicatedOnRedelivery() {
        var recorded = activity("v1", 0, new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                                                                        visit("2023-10-12", "a1")));
        feedBoth(recorded, recorded);
        assertThat(reads.timeline(PLAN, "a1", null).entries()).hasSize(1);
    }

    @Test
    void unknownPlansAndActionsAreNotFound() {
        assertThatThrownBy(() -> reads.plan("000000-2023-24", null, null)).hasMessageContaining("No plan");
        assertThatThrownBy(() -> reads.timeline(PLAN, "nope", null)).hasMessageContaining("has no action");
        assertThatThrownBy(() -> reads.timeline("other-plan", "a1", null)).hasMessageContaining("has no action");
    }

    @Test
    void oneBatchOfEventsLeavesTheTimelinesAsEventsOneAtATimeDo() {
        var added = plan(6, new ActionAdded(PLAN, URN, "a3", "s1", "3", ActionDetails.of("Writing", List.of("P1"),
                                                                                 List.of("DHT"), "JC")));
        var recorded = activity("v7", 0, new MonitoringActivityRecorded("v7", URN, PLAN, MonitoringType.LESSON_VISIT,
                                                                        visit("2023-10-12", "a3", "not-an-action")));
        // redeliveries (the same messages again) included
        org.axonframework.eventhandling.EventMessage<?>[] events = {
                added, recorded,
                activity("v7", 1, new MonitoringActivityAmended("v7", URN, PLAN, MonitoringType.LESSON_VISIT,
                                                                visit("2023-10-12", "a1"), 2, "wrong action")),
                recorded, activity("v7", 2, new MonitoringActivityRetracted("v7", URN, "duplicate")), added};
        MongoDatabase batched = MONGO.freshDatabase();
        ActionTimelineProjection batchedTimelines = new ActionTimelineProjection(batched);
        feed(batchedTimelines, plan(3, new ActionAdded(PLAN, URN, "a1", "s1", "1",
                                                       ActionDetails.of("Expectations", List.of("P1"), List.of("HT"), "JC"))));
        feed(timelines, events);
        EmbeddedMongo.feedInOneBatch(batchedTimelines, events);

        for (String collection : List.of(ActionTimelineProjection.COLLECTION, ActionTimelines.ENTRIES,
                                         "action_timeline_links")) {
            var expected = db.getCollection(collection).find(new Document("_id", new Document("$ne", "a2")))
                             .sort(new Document("_id", 1)).projection(new Document("openedAt", 0))
                             .into(new java.util.ArrayList<>());
            assertThat(batched.getCollection(collection).find().sort(new Document("_id", 1))
                              .projection(new Document("openedAt", 0)).into(new java.util.ArrayList<>()))
                    .as(collection).isNotEmpty().isEqualTo(expected);
        }
        assertThat(batched.getCollection(ActionTimelines.ENTRIES).countDocuments())
                .as("a3's recording, the amendment on a3 and a1, a3's retraction; none for an action of no plan")
                .isEqualTo(4);
    }
}
