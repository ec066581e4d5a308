package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import school.evidence.query.monitoring.MonitoringRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionRagJudged;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.school.SchoolCalendarSet;
import school.evidence.query.EmbeddedMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.feed;

/** The plan and its evidence as they stood at the end of a half-term, and evidence recorded late marked so. */
class HalfTermReviewTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final String PLAN = "108520-2023-24";
    private static final String URN = "108520";

    private static EventMessage<?> at(String recordedAt, String aggregate, long seq, Object payload) {
        return new GenericDomainEventMessage<>("T", aggregate, seq, payload, MetaData.with("actor", "slt"),
                                               UUID.randomUUID().toString(), Instant.parse(recordedAt));
    }

    @Test
    void showsTheReviewAsItStoodAndMarksLateEvidence() {
        MongoDatabase db = MONGO.freshDatabase();
        PlanViewProjection plans = new PlanViewProjection(db);
        ActionTimelineProjection timelines = new ActionTimelineProjection(db);
        SchoolCalendarProjection calendars = new SchoolCalendarProjection(db);
        Object list = EmbeddedMongo.monitoringList(db);
        feed(calendars, at("2023-09-01T08:00:00Z", URN, 1, new SchoolCalendarSet(URN, ScheduleReadsTest.calendar())));
        List<EventMessage<?>> planEvents = List.of(
                at("2023-09-04T08:00:00Z", PLAN, 0, new ImprovementPlanCreated(PLAN, URN, "2023-24", "SIP")),
                at("2023-09-04T08:01:00Z", PLAN, 1, new SectionAdded(PLAN, URN, "s", new SectionDetails("T", null, List.of(), Set.of()))),
                at("2023-09-04T08:02:00Z", PLAN, 2, new ActionAdded(PLAN, URN, "a1", "s", "1", ActionDetails.of("Reading", List.of(), List.of(), null))),
                at("2023-10-19T15:00:00Z", PLAN, 3, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_1, Rag.AMBER, "started", List.of(), "slt")),
                at("2023-12-18T15:00:00Z", PLAN, 4, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "embedded", List.of(), "slt")));
        planEvents.forEach(e -> {
            feed(plans, e);
            feed(timelines, e);
        });
        // a visit on 12 October, written up on time; one on 16 October written up in November (late)
        var onTime = at("2023-10-12T16:00:00Z", "v1", 0, new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                new MonitoringDetails(LocalDate.of(2023, 10, 12), "DHT", null, List.of(), List.of(), List.of("a1"))));
        var late = at("2023-11-06T09:00:00Z", "v2", 0, new MonitoringActivityRecorded("v2", URN, PLAN, MonitoringType.LEARNING_WALK,
                new MonitoringDetails(LocalDate.of(2023, 10, 16), "HT", null, List.of(), List.of(), List.of("a1"))));
        for (var e : List.of(onTime, late)) {
            feed(list, e);
            feed(timelines, e);
        }

        PlanQueryController reads = new PlanQueryController(new PlanReads(db), 6);
        HalfTermReviewView autumn1 = reads.review(PLAN, HalfTerm.AUTUMN_1, PlanQueryController.ReviewView.AS_RECORDED);
        assertThat(autumn1.asOf()).isEqualTo("2023-10-20T22:59:59.999Z"); // end of 20 Oct, London time
        PlanView.Action a1 = autumn1.plan().actions().get(0);
        assertThat(a1.rag()).isEqualTo("AMBER");
        assertThat(autumn1.monitoring()).extracting(MonitoringRecord::activityId)
                                                                  .containsExactly("v1");
        assertThat(autumn1.timelines().get(0).entries()).hasSize(2);

        HalfTermReviewView autumn2 = reads.review(PLAN, HalfTerm.AUTUMN_2, PlanQueryController.ReviewView.AS_RECORDED);
        assertThat(autumn2.plan().actions().get(0).rag())
                .isEqualTo("GREEN");
        List<MonitoringRecord> evidence = autumn2.monitoring();
        assertThat(evidence).extracting(d -> d.activityId() + "=" + d.recordedLate())
                            .containsExactly("v2=true", "v1=false");
        assertThatThrownBy(() -> reads.review("000000-2023-24", HalfTerm.AUTUMN_1, PlanQueryController.ReviewView.SCHOOL_TIME)).hasMessageContaining("No plan");
    }

    /** Entered in 2026 after the fact: by school time each half-term still shows its own judgement, marked late. */
    @Test
    void byDefaultAPlanWrittenUpAfterTheYearHasItsReviewsJudgedForEachHalfTerm() {
        MongoDatabase db = MONGO.freshDatabase();
        PlanViewProjection plans = new PlanViewProjection(db);
        ActionTimelineProjection timelines = new ActionTimelineProjection(db);
        SchoolCalendarProjection calendars = new SchoolCalendarProjection(db);
        Object list = EmbeddedMongo.monitoringList(db);
        feed(calendars, at("2026-01-05T08:00:00Z", URN, 1, new SchoolCalendarSet(URN, ScheduleReadsTest.calendar())));
        for (var e : List.of(
                at("2026-01-05T08:00:00Z", PLAN, 0, new ImprovementPlanCreated(PLAN, URN, "2023-24", "SIP")),
                at("2026-01-05T08:01:00Z", PLAN, 1, new SectionAdded(PLAN, URN, "s", new SectionDetails("T", null, List.of(), Set.of()))),
                at("2026-01-05T08:02:00Z", PLAN, 2, new ActionAdded(PLAN, URN, "a1", "s", "1", ActionDetails.of("Reading", List.of(), List.of(), null))),
                at("2026-01-05T08:04:00Z", PLAN, 3, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_2, Rag.GREEN, "embedded", List.of(), "slt")),
                at("2026-01-05T08:03:00Z", PLAN, 4, new ActionRagJudged(PLAN, URN, "a1", HalfTerm.AUTUMN_1, Rag.AMBER, "started", List.of(), "slt")))) {
            feed(plans, e);
            feed(timelines, e);
        }
        var visit = at("2026-01-05T09:00:00Z", "v1", 0, new MonitoringActivityRecorded("v1", URN, PLAN, MonitoringType.LESSON_VISIT,
                new MonitoringDetails(LocalDate.of(2023, 10, 12), "DHT", null, List.of(), List.of(), List.of("a1"))));
        feed(list, visit);
        feed(timelines, visit);

        PlanQueryController reads = new PlanQueryController(new PlanReads(db), 6);
        HalfTermReviewView autumn1 = reads.review(PLAN, HalfTerm.AUTUMN_1, PlanQueryController.ReviewView.SCHOOL_TIME);
        PlanView.Action a1 = autumn1.plan().actions().get(0);
        assertThat(a1.rag()).isEqualTo("AMBER");
        assertThat(a1.ragForHalfTerm().recordedLate()).isTrue();
        assertThat(autumn1.plan().rollUp().rag()).isEqualTo("AMBER");
        assertThat(autumn1.monitoring()).extracting(d -> d.activityId() + "=" + d.recordedLate())
                                      .containsExactly("v1=true");
        assertThat(autumn1.timelines().get(0).entries())
                .extracting(ActionTimeline.Entry::kind).containsExactly("RAG_JUDGED", "MONITORING_RECORDED");

        HalfTermReviewView autumn2 = reads.review(PLAN, HalfTerm.AUTUMN_2, PlanQueryController.ReviewView.SCHOOL_TIME);
        assertThat(autumn2.plan().actions().get(0).rag())
                .isEqualTo("GREEN");
        assertThat(autumn2.monitoring()).isEmpty();
        // as recorded at the end of autumn 1, nothing of the plan existed yet
        assertThatThrownBy(() -> reads.review(PLAN, HalfTerm.AUTUMN_1, PlanQueryController.ReviewView.AS_RECORDED))
                .hasMessageContaining("not yet recorded");
    }
}
