package school.evidence.standalone;

import school.evidence.command.CommandSender;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.Focus;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.PlanCommands.AddAction;
import school.evidence.kernel.plan.PlanCommands.AddSection;
import school.evidence.kernel.plan.PlanCommands.CreateImprovementPlan;
import school.evidence.kernel.plan.PlanCommands.JudgeActionRag;
import school.evidence.kernel.plan.PlanId;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolCommands.SetSchoolCalendar;
import school.evidence.kernel.trust.TrustCommands.AddSchoolToTrust;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.RegisterTrust;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo trust: the demo school and a second, smaller one side by side, each in its improvement phase (the demo
 * school moved from Repair to Improve this term, with the measures it rests on), the second with a plan of its own,
 * an overdue next step and a peer (triad) review from the demo school's head; and a third, in Sustain with no plan
 * loaded, so the three can form a triad.
 */
final class DemoTrust {

    static final String TRUST = "wearside-learning-trust";
    static final String SECOND_SCHOOL = "108999";
    /** A third school, so the trust's schools can form a triad (schools review each other in threes). */
    static final String THIRD_SCHOOL = "108997";

    private final CommandSender commands;
    private final DemoYear year;

    DemoTrust(CommandSender commands, DemoYear year) {
        this.commands = commands;
        this.year = year;
    }

    void load() {
        commands.send(new RegisterTrust(TRUST, "Wearside Learning Trust"));
        commands.send(new AddSchoolToTrust(TRUST, DemoSchool.URN, ImprovementPhase.REPAIR, year.daysAgo(90),
                List.of("Reading outcomes below national at KS2", "Ofsted: requires improvement")));
        commands.send(new ChangeImprovementPhase(TRUST, DemoSchool.URN, ImprovementPhase.IMPROVE, year.daysAgo(20),
                "Teaching judged at least good in the autumn visits; reading on track",
                List.of("Phonics screening check at national", "No teaching judged weak in the autumn visits")));

        String urn = SECOND_SCHOOL;
        commands.send(new RegisterSchool(urn, "Riverside Primary School"));
        commands.send(new SetSchoolCalendar(urn, year.calendar()));
        commands.send(new AddSchoolToTrust(TRUST, urn, ImprovementPhase.STABILISE, year.daysAgo(60),
                List.of("Attendance below 90%", "Three changes of head teacher in two years")));
        String plan = PlanId.of(urn, year.academicYear());
        commands.send(new CreateImprovementPlan(plan, urn, year.academicYear(), "Riverside improvement plan"));
        String section = UUID.randomUUID().toString();
        commands.send(new AddSection(plan, section, new SectionDetails("Attendance and behaviour", null, List.of(),
                                                                       EnumSet.of(OfstedArea.BEHAVIOUR_AND_ATTITUDES))));
        String attendance = action(plan, section, "1", "Persistent absence falls below 15%.");
        String routines = action(plan, section, "2", "Calm, consistent routines in every classroom.");
        String visit = UUID.randomUUID().toString();
        commands.send(new RecordMonitoringActivity(visit, urn, MonitoringType.EXTERNAL_REVIEW, new MonitoringDetails(
                year.daysAgo(15), "Head teacher, Usworth Colliery", new Focus("Behaviour", List.of(), Set.of()),
                List.of("Routines at the start of lessons consistent in KS1"),
                List.of("Low-level disruption in two KS2 classes"), List.of(routines), List.of(),
                List.of(new NextStep(null, "Agree a shared behaviour script for KS2", "Deputy head",
                                     year.daysAgo(1))),
                List.of(), false, Specifics.of(new Specifics.ExternalReview(Specifics.ReviewerKind.PEER_TRIAD,
                                                                            "Head teacher", "Usworth Colliery Primary School")))));
        commands.send(new RegisterSchool(THIRD_SCHOOL, "Castle View Primary School"));
        commands.send(new SetSchoolCalendar(THIRD_SCHOOL, year.calendar()));
        commands.send(new AddSchoolToTrust(TRUST, THIRD_SCHOOL, ImprovementPhase.SUSTAIN, year.daysAgo(400),
                List.of("Ofsted: good in every area", "KS2 reading above national for three years")));
        commands.send(new JudgeActionRag(plan, attendance, year.halfTermOf(year.daysAgo(15)), Rag.RED,
                                         "Persistent absence still at 21%.", List.of(), "Head teacher", null));
        commands.send(new JudgeActionRag(plan, routines, year.halfTermOf(year.daysAgo(15)), Rag.AMBER,
                                         "Routines consistent in KS1, not yet in KS2.", List.of(visit), "Head teacher",
                                         null));
    }

    private String action(String plan, String section, String number, String title) {
        String id = UUID.randomUUID().toString();
        commands.send(new AddAction(plan, id, section, number, ActionDetails.of(title, List.of(), List.of("HT"), null)));
        return id;
    }
}
