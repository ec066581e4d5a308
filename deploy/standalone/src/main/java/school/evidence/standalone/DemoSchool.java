package school.evidence.standalone;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import school.evidence.command.CommandSender;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.Focus;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.kernel.school.SchoolCommands.SetSchoolCalendar;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddPriority;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.AddSuccessCriterion;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanCommands.PlanMonitoring;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.platform.access.Role;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static school.evidence.kernel.plan.HalfTerm.AUTUMN_1;
import static school.evidence.kernel.plan.HalfTerm.AUTUMN_2;
import static school.evidence.kernel.plan.HalfTerm.SPRING_1;
import static school.evidence.kernel.plan.HalfTerm.SPRING_2;
import static school.evidence.kernel.plan.HalfTerm.SUMMER_1;
import static school.evidence.kernel.plan.HalfTerm.SUMMER_2;

/**
 * A realistic school to look at straight away ({@code evidence.demo.load-school=true}): a primary school's plan for
 * the current school year, modelled on the sample plan in shared/seeds, with monitoring over the past weeks, RAG
 * judgements, next steps (some overdue), a criterion due this half-term and monitoring planned but not yet done.
 * Recorded through the ordinary commands, so it is in the ledger like anything else (and, being recorded on the day
 * it is loaded, honestly marked as recorded after the visits it describes). Loaded once.
 */
@Component
@ConditionalOnProperty(name = "evidence.demo.load-school", havingValue = "true")
@org.springframework.core.annotation.Order(0) // before a command-line rebuild, if one was asked for
class DemoSchool implements ApplicationRunner {

    static final String URN = "108520";
    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private final CommandSender commands;
    private final EventStore eventStore;
    private final DemoYear year;

    /** @param today the day the demo lives on: today unless pinned (tests pin it so pages read the same each run) */
    DemoSchool(CommandSender commands, EventStore eventStore, @Value("${evidence.demo.today:}") String today) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.year = today.isBlank() ? DemoYear.now() : DemoYear.pinned(LocalDate.parse(today));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.lastSequenceNumberFor(URN).isPresent()) {
            log.info("Demo school {} already loaded", URN);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "slt", null, List.of(new SimpleGrantedAuthority(Role.SENIOR_LEADER.authority()))));
        try {
            load();
        } finally {
            SecurityContextHolder.clearContext();
        }
        log.info("Demo school {} loaded: plan {}", URN, PlanId.of(URN, year.academicYear()));
    }

    private void load() {
        String y = year.academicYear();
        commands.send(new RegisterSchool(URN, "Usworth Colliery Primary School"));
        commands.send(new SetSchoolCalendar(URN, year.calendar()));
        String plan = PlanId.of(URN, y);
        commands.send(new CreateImprovementPlan(plan, URN, y, "School Improvement Plan " + y.substring(0, 4) + "-"
                + (Integer.parseInt(y.substring(0, 4)) + 1)));

        priority(plan, "P1", "All teaching across time is good, evidenced through a range of monitoring.", SUMMER_2);
        priority(plan, "P2", "Key priorities for improving teaching and learning are embedded, with impact clear "
                + "through monitoring.", SUMMER_2);
        priority(plan, "P3", "Pupils can say what they are learning, why, and how it builds on earlier learning, in "
                + "every subject.", AUTUMN_2, SPRING_2, SUMMER_2);
        priority(plan, "P4", "Teachers' subject knowledge is extended and refined across all subjects.", SUMMER_2);
        priority(plan, "P5", "More pupils, including pupil premium pupils and underachievers, reach age-related "
                + "expectations in phonics, reading, writing and maths.", SUMMER_2);
        priority(plan, "P6", "The vast majority of pupils (including pupil premium, SEND and higher attainers) make "
                + "at least expected progress.", SUMMER_2);
        priority(plan, "P7", "Gaps between groups (higher attaining, boys/girls, pupil premium, SEND) narrow.",
                 SUMMER_2);
        priority(plan, "P8", "The curriculum has clear intent, is implemented consistently and its impact is "
                + "evident through monitoring.", SPRING_2, SUMMER_2);
        priority(plan, "P9", "The planned curriculum is progressive so pupils remember more and apply earlier "
                + "learning.", AUTUMN_2, SPRING_2, SUMMER_2);

        String teaching = section(plan, "Teaching, learning and assessment", OfstedArea.QUALITY_OF_EDUCATION,
                                  OfstedArea.EARLY_YEARS, OfstedArea.LEADERSHIP_AND_MANAGEMENT);
        String expectations = action(plan, teaching, "1", "Expectations of effective teaching and learning are "
                + "embedded across school.", List.of("P1"), List.of("HT", "DHT", "Subject leaders"));
        criterion(plan, expectations, "Subject leaders share and monitor expectations for planning, teaching, "
                + "learning and assessment in all subjects.", AUTUMN_1, SPRING_1, SUMMER_1);
        criterion(plan, expectations, "Subject leaders keep staff informed through regular CPD of new initiatives "
                + "and expectations arising from training or monitoring.", AUTUMN_2, SPRING_2, SUMMER_2);
        criterion(plan, expectations, "Timetables streamlined so every class has time to cover all subjects.",
                  year.current());

        String goodTeaching = action(plan, teaching, "2", "Teaching across time is at least good for all teaching "
                + "staff.", List.of("P1", "P2", "P4"), List.of("HT", "DHT", "AHT"));
        criterion(plan, goodTeaching, "A rigorous monitoring timetable linked to school priorities, following the "
                + "principles of deep dives, is in place.", AUTUMN_1);
        criterion(plan, goodTeaching, "Teaching, including how it meets the needs of all groups, is monitored at "
                + "least termly; actions from previous monitoring are acted upon and impact noted.",
                  AUTUMN_2, SPRING_2, SUMMER_2);

        String reading = action(plan, teaching, "3", "Reading is at the core of all learning.",
                                List.of("P1", "P2", "P4"), List.of("DHT", "English Leader"),
                                DemoGovernance.GOVERNOR);
        criterion(plan, reading, "Home reading books match each pupil's stage in the phonics scheme, especially for "
                + "lower-attaining pupils.", AUTUMN_2, SPRING_2, SUMMER_2);
        criterion(plan, reading, "Pupils in lower key stage 2 who did not pass the phonics screening check get "
                + "targeted small-group teaching.", AUTUMN_1, SPRING_1, SUMMER_1);

        String priorLearning = action(plan, teaching, "4", "Pupils activate prior learning and apply it to new "
                + "learning in all subjects.", List.of("P3", "P4", "P8", "P9"), List.of("DHT", "AHT"),
                                     DemoGovernance.GOVERNOR);
        criterion(plan, priorLearning, "Strategies from memory and retrieval CPD are evident in teaching through "
                + "subject leader monitoring.", AUTUMN_2, SPRING_2, SUMMER_2);

        String achievement = section(plan, "Achievement and progress", OfstedArea.QUALITY_OF_EDUCATION,
                                     OfstedArea.LEADERSHIP_AND_MANAGEMENT);
        String progressMeetings = action(plan, achievement, "1", "Termly pupil progress meetings focus on "
                + "underachievers; staff are supported and challenged so pupils progress in phonics, reading, writing "
                + "and maths.", List.of("P5", "P6"), List.of("HT", "DHT", "AL"));
        criterion(plan, progressMeetings, "Each pupil progress meeting records barriers for underachieving pupils, "
                + "the interventions agreed, and progress since the last meeting.", AUTUMN_1, SPRING_1, SUMMER_1);
        String challenge = action(plan, achievement, "2", "Higher attaining pupils are challenged so they make "
                + "consistently good progress from their starting points.", List.of("P6", "P7"),
                                  List.of("HT", "DHT", "AHT"), DemoGovernance.GOVERNOR);
        criterion(plan, challenge, "Higher attaining pupils are identified and challenge is planned in every "
                + "lesson.", AUTUMN_1);

        String visit = monitor(MonitoringType.LESSON_VISIT, year.daysAgo(53), "DHT", "Reading",
                               List.of("Y4"), List.of("Clear modelling of inference using a shared text",
                                                      "Reading book matched to phonics stage for all pupils observed"),
                               List.of("Pace in independent work slowed for higher attainers"),
                               List.of(expectations, reading));
        String scrutiny = monitor(MonitoringType.BOOK_SCRUTINY, year.daysAgo(46), "English Leader",
                                  "Writing", List.of("Y3", "Y4", "Y5", "Y6"),
                                  List.of("Consistent use of the marking policy", "Vocabulary lists used in writing"),
                                  List.of("Editing and redrafting seen in few books"), List.of(expectations));
        String walk = monitor(MonitoringType.LEARNING_WALK, year.daysAgo(26), "HT", "Reading environment",
                              List.of("EYFS", "Y1", "Y2"), List.of("Reading areas inviting and well stocked"),
                              List.of("Displays do not yet promote high-quality texts"), List.of(reading));
        String pupilVoice = monitor(MonitoringType.PUPIL_VOICE, year.daysAgo(12), "AHT", "History",
                                    List.of("Y5", "Y6"),
                                    List.of("Pupils linked this topic to what they learned in Y4"),
                                    List.of("Subject vocabulary recalled by few pupils"), List.of(priorLearning));
        String ppm = monitor(MonitoringType.PUPIL_PROGRESS_MEETING, year.daysAgo(60), "HT", "Maths",
                             List.of("Y2"), List.of("Barriers identified for each underachieving pupil"),
                             List.of("Interventions for pupil premium pupils not yet time-limited"),
                             List.of(progressMeetings));
        String planning = monitor(MonitoringType.PLANNING_SCRUTINY, year.daysAgo(2), "DHT", "Maths",
                                  List.of("Y5", "Y6"), List.of("Challenge tasks planned for higher attainers"),
                                  List.of("Challenge not planned in every lesson"), List.of(challenge));

        rag(plan, expectations, year.halfTermOf(year.daysAgo(46)), Rag.GREEN, "Visits and book scrutiny show expectations shared and applied.",
            visit, scrutiny);
        rag(plan, reading, year.halfTermOf(year.daysAgo(26)), Rag.AMBER, "Books matched to phonics stage; the reading environment is still "
                + "being developed.", visit, walk);
        rag(plan, priorLearning, year.halfTermOf(year.daysAgo(12)), Rag.AMBER, "Pupils make links, but vocabulary recall is weak.",
            pupilVoice);
        rag(plan, progressMeetings, year.halfTermOf(year.daysAgo(60)), Rag.GREEN, "Meetings record barriers and agreed interventions.", ppm);
        // planned and not yet done: a deep dive this half-term, lesson visits next half-term
        commands.send(new PlanMonitoring(plan, UUID.randomUUID().toString(), year.current(), MonitoringType.DEEP_DIVE,
                                         "History", List.of(priorLearning), "AHT"));
        commands.send(new PlanMonitoring(plan, UUID.randomUUID().toString(), year.next(), MonitoringType.LESSON_VISIT,
                                         "Maths", List.of(challenge), "DHT"));
        new DemoGovernance(commands, year).load(plan, reading, priorLearning, challenge);
        new DemoTrust(commands, year).load();
        rag(plan, challenge, year.halfTermOf(year.daysAgo(2)), Rag.RED, "Challenge is not yet planned in every lesson.", planning);
    }

    /** Half-term dates for 2023-24, as the end-to-end tests' own plans use them. */
    static SchoolCalendar calendar() {
        return DemoYear.calendar("2023-24");
    }

    private void priority(String plan, String code, String statement, HalfTerm first, HalfTerm... more) {
        commands.send(new AddPriority(plan, code, statement, EnumSet.of(first, more)));
    }

    private String section(String plan, String title, OfstedArea first, OfstedArea... more) {
        String id = UUID.randomUUID().toString();
        commands.send(new AddSection(plan, id, new SectionDetails(title, null, List.of(), EnumSet.of(first, more))));
        return id;
    }

    /** An action whose link governor is "JC", a governor with no demo user. */
    private String action(String plan, String section, String number, String title, List<String> priorities,
                          List<String> leads) {
        return action(plan, section, number, title, priorities, leads, "JC");
    }

    private String action(String plan, String section, String number, String title, List<String> priorities,
                          List<String> leads, String governor) {
        String id = UUID.randomUUID().toString();
        commands.send(new AddAction(plan, id, section, number, ActionDetails.of(title, priorities, leads, governor)));
        return id;
    }

    private void criterion(String plan, String action, String text, HalfTerm first, HalfTerm... more) {
        commands.send(new AddSuccessCriterion(plan, action, UUID.randomUUID().toString(), text,
                                              EnumSet.of(first, more)));
    }

    private String monitor(MonitoringType type, LocalDate on, String lead, String subject, List<String> years,
                           List<String> strengths, List<String> areas, List<String> actions) {
        String id = UUID.randomUUID().toString();
        // one agreed next step per area for development, due four weeks later, owned by whoever led it
        List<NextStep> steps = areas.stream().map(a -> new NextStep(null, a, lead, on.plusWeeks(4))).toList();
        commands.send(new RecordMonitoringActivity(id, URN, type, new MonitoringDetails(
                on, lead, new Focus(subject, years, Set.of(PupilGroup.DISADVANTAGED)), strengths, areas, actions,
                List.of(), steps, List.of(), false, specificsOf(type, subject))));
        return id;
    }

    /** Realistic type-specific fields for the demo's kinds of monitoring. */
    private static Specifics specificsOf(MonitoringType type, String subject) {
        return Specifics.of(switch (type) {
            case LESSON_VISIT -> new Specifics.LessonVisit(Specifics.VisitKind.DROP_IN, "Y4", null);
            case LEARNING_WALK -> new Specifics.LearningWalk(List.of("Reception", "Y1", "Y2"));
            case BOOK_SCRUTINY, PLANNING_SCRUTINY -> new Specifics.WorkScrutiny(
                    12, Map.of(PupilGroup.DISADVANTAGED, 4, PupilGroup.HIGHER_ATTAINING, 4, PupilGroup.SEND, 2));
            case PUPIL_VOICE -> new Specifics.PupilVoice(
                    8, List.of("What are you learning in " + subject + "?", "How does it link to last year?"),
                    List.of("We learned about the Romans in Y4 and now the Anglo-Saxons"));
            case PUPIL_PROGRESS_MEETING -> new Specifics.ProgressMeeting(
                    "Y2", Map.of(PupilGroup.DISADVANTAGED, 5, PupilGroup.SEND, 2),
                    List.of("Number bonds not secure"), List.of("Daily 10-minute fluency group"));
            default -> null;
        });
    }

    private void rag(String plan, String action, HalfTerm halfTerm, Rag status, String rationale, String... evidence) {
        commands.send(new JudgeActionRag(plan, action, halfTerm, status, rationale, List.of(evidence), "Head teacher",
                                         null));
    }

}
