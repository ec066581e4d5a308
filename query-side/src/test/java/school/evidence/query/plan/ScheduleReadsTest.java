package school.evidence.query.plan;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.MonitoringPlanned;
import school.evidence.kernel.plan.PlanEvents.PlannedMonitoringCancelled;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.school.SchoolCalendarSet;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

class ScheduleReadsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final String PLAN = "108520-2023-24";
    private static final String URN = "108520";

    static SchoolCalendar calendar() {
        Map<HalfTerm, SchoolCalendar.Term> terms = new EnumMap<>(HalfTerm.class);
        terms.put(HalfTerm.AUTUMN_1, new SchoolCalendar.Term(LocalDate.of(2023, 9, 4), LocalDate.of(2023, 10, 20)));
        terms.put(HalfTerm.AUTUMN_2, new SchoolCalendar.Term(LocalDate.of(2023, 10, 30), LocalDate.of(2023, 12, 19)));
        terms.put(HalfTerm.SPRING_1, new SchoolCalendar.Term(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 2, 9)));
        terms.put(HalfTerm.SPRING_2, new SchoolCalendar.Term(LocalDate.of(2024, 2, 19), LocalDate.of(2024, 3, 28)));
        terms.put(HalfTerm.SUMMER_1, new SchoolCalendar.Term(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 5, 24)));
        terms.put(HalfTerm.SUMMER_2, new SchoolCalendar.Term(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 19)));
        return new SchoolCalendar("2023-24", terms);
    }

    @Test
    void showsPlannedDoneOverdueAndCancelledMonitoringAndTermCoverage() {
        MongoDatabase db = MONGO.freshDatabase();
        PlanViewProjection plans = new PlanViewProjection(db);
        MonitoringScheduleProjection schedule = new MonitoringScheduleProjection(db);
        Object list = EmbeddedMongo.monitoringList(db);
        SchoolCalendarProjection calendars = new SchoolCalendarProjection(db);
        ScheduleQueryController reads = new ScheduleQueryController(new ScheduleReads(db));
        long[] seq = {0};
        java.util.function.Consumer<Object> plan = payload -> {
            var message = event("ImprovementPlan", PLAN, seq[0]++, payload, "slt");
            feed(plans, message);
            feed(schedule, message);
        };
        plan.accept(new ImprovementPlanCreated(PLAN, URN, "2023-24", "SIP"));
        plan.accept(new SectionAdded(PLAN, URN, "s", new SectionDetails("Teaching", null, List.of(), Set.of())));
        plan.accept(new ActionAdded(PLAN, URN, "a1", "s", "1", ActionDetails.of("Expectations", List.of(), List.of(), null)));
        plan.accept(new ActionAdded(PLAN, URN, "a2", "s", "2", ActionDetails.of("Reading", List.of(), List.of(), null)));
        plan.accept(new MonitoringPlanned(PLAN, URN, "pm1", HalfTerm.AUTUMN_1, MonitoringType.LESSON_VISIT, "Reading",
                                          List.of("a1"), "DHT"));
        plan.accept(new MonitoringPlanned(PLAN, URN, "pm2", HalfTerm.AUTUMN_2, MonitoringType.BOOK_SCRUTINY, "Writing",
                                          List.of("a2"), "EL"));
        plan.accept(new MonitoringPlanned(PLAN, URN, "pm3", HalfTerm.SPRING_1, MonitoringType.PUPIL_VOICE, "History",
                                          List.of("a2"), "AHT"));
        plan.accept(new MonitoringPlanned(PLAN, URN, "pm4", HalfTerm.AUTUMN_1, MonitoringType.LEARNING_WALK, null,
                                          List.of(), "HT"));
        plan.accept(new PlannedMonitoringCancelled(PLAN, URN, "pm4", "covered by deep dive"));
        var visit = event("MonitoringActivity", "v1", 0, new MonitoringActivityRecorded("v1", URN, PLAN,
                MonitoringType.LESSON_VISIT, new MonitoringDetails(LocalDate.of(2023, 10, 12), "DHT", null, List.of(),
                                                                   List.of(), List.of("a1")), "pm1"), "slt");
        feed(schedule, visit);
        feed(list, visit);

        // no calendar yet: nothing can be overdue
        assertThat(reads.schedule(PLAN, LocalDate.of(2024, 1, 10)).counts())
                .containsEntry("DONE", 1).containsEntry("PLANNED", 2).containsEntry("CANCELLED", 1);
        assertThatThrownBy(() -> reads.coverage(PLAN, ScheduleReads.Term.AUTUMN, null, null))
                .hasMessageContaining("half-term dates");
        feed(calendars, event("School", URN, 1, new SchoolCalendarSet(URN, calendar()), "slt"));

        ScheduleView jan = reads.schedule(PLAN, LocalDate.of(2024, 1, 10));
        assertThat(jan.items()).extracting(d -> d.plannedId() + "=" + d.status())
                .containsExactly("pm1=DONE", "pm4=CANCELLED", "pm2=OVERDUE", "pm3=PLANNED");

        ScheduleView.Coverage autumn = reads.coverage(PLAN, ScheduleReads.Term.AUTUMN, null, null);
        assertThat(autumn.uncovered()).extracting(ScheduleView.Row::actionId).containsExactly("a2");
        assertThat(autumn.covered().get(0).activities()).isEqualTo(1L);
        assertThat(reads.coverage(PLAN, null, HalfTerm.AUTUMN_2, null).uncovered()).hasSize(2);

        var retracted = event("MonitoringActivity", "v1", 1, new MonitoringActivityRetracted("v1", URN, "wrong"), "slt");
        feed(schedule, retracted);
        feed(list, retracted);
        assertThat(reads.schedule(PLAN, LocalDate.of(2024, 1, 10)).items().get(0).status()).isEqualTo("OVERDUE");
        assertThat(reads.coverage(PLAN, ScheduleReads.Term.AUTUMN, null, null).uncovered())
                .hasSize(2);
        assertThatThrownBy(() -> reads.coverage(PLAN, null, null, null)).hasMessageContaining("either term or halfTerm");
    }

}
