package school.evidence.standalone;

import school.evidence.command.CommandSender;
import school.evidence.kernel.governance.GovernanceCommands.AnswerChallenge;
import school.evidence.kernel.governance.GovernanceCommands.CloseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.FollowUpChallenge;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;
import school.evidence.kernel.governance.GovernanceCommands.RaiseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.RecordMeeting;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.Focus;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.Specifics;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo school's governance: a full board meeting and a committee, a governor visit, and the demo governor's
 * challenges in each state the log knows (closed with what changed, answered with a follow-up due, awaiting an
 * answer). The governor is "Demo Governor", the demo user's name, so their pages find what they raised.
 */
final class DemoGovernance {

    static final String GOVERNOR = "Demo Governor";

    private final CommandSender commands;
    private final DemoYear year;

    DemoGovernance(CommandSender commands, DemoYear year) {
        this.commands = commands;
        this.year = year;
    }

    /** @param reading, priorLearning, challenge the actions the governor is linked to */
    void load(String plan, String reading, String priorLearning, String challenge) {
        String board = meeting(MeetingKind.FULL_BOARD, null, 30, "Autumn term full governing board");
        String committee = meeting(MeetingKind.COMMITTEE, "Curriculum and standards", 9,
                                   "Curriculum and standards committee");
        String visit = UUID.randomUUID().toString();
        commands.send(new RecordMonitoringActivity(visit, DemoSchool.URN, MonitoringType.GOVERNOR_VISIT,
                new MonitoringDetails(year.daysAgo(16), GOVERNOR, new Focus("Reading", List.of("Y1", "Y2"), Set.of()),
                                      List.of("Pupils could name their favourite class books"), List.of(),
                                      List.of(reading), List.of(), List.of(), List.of(), false,
                                      Specifics.of(new Specifics.GovernorVisit(GOVERNOR, "To see how reading for "
                                              + "pleasure is promoted in key stage 1", "P5")))));

        String closed = raise(plan, reading, board, null, 30, "Reading is amber although books now match phonics "
                + "stages: what is holding it back, and how will we know it has improved?");
        commands.send(new AnswerChallenge(closed, "Head teacher", "The reading environment in EYFS and KS1 does not yet "
                + "promote high-quality texts; a displays audit is under way and the English leader will report "
                + "its findings."));
        commands.send(new CloseChallenge(closed, "A displays audit was added to the spring learning walk, and the "
                + "committee will see its findings in Spring 1."));

        String followUp = raise(plan, priorLearning, committee, null, 9, "Pupils recall little subject vocabulary in "
                + "history: what is being done about it across the school?");
        commands.send(new AnswerChallenge(followUp, "Deputy head teacher", "Knowledge organisers with key vocabulary "
                + "are being introduced in every foundation subject from January."));
        commands.send(new FollowUpChallenge(followUp, "Show the committee examples of the knowledge organisers in use",
                                            year.today().plusWeeks(3)));

        raise(plan, challenge, null, visit, 16, "How will leaders know that challenge for higher attainers is planned "
                + "in every lesson, not only in the lessons visited?");
    }

    private String meeting(MeetingKind kind, String committee, int daysAgo, String title) {
        String id = UUID.randomUUID().toString();
        commands.send(new RecordMeeting(id, DemoSchool.URN, kind, committee, year.daysAgo(daysAgo), title));
        return id;
    }

    private String raise(String plan, String action, String meeting, String visit, int daysAgo, String question) {
        String id = UUID.randomUUID().toString();
        commands.send(new RaiseChallenge(id, DemoSchool.URN, plan, null, action, meeting, visit, year.daysAgo(daysAgo),
                                         GOVERNOR, question));
        return id;
    }
}
