package school.evidence.command.governance;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.command.CommandSender;
import school.evidence.kernel.governance.GovernanceCommands.AnswerChallenge;
import school.evidence.kernel.governance.GovernanceCommands.CloseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.FollowUpChallenge;
import school.evidence.kernel.governance.GovernanceCommands.MeetingKind;
import school.evidence.kernel.governance.GovernanceCommands.RaiseChallenge;
import school.evidence.kernel.governance.GovernanceCommands.RecordMeeting;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanId;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.Forms;
import school.evidence.platform.pages.PageController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Governors' challenge from the pages: recording a meeting, raising a challenge, a leader's answer, a follow-up and
 * the closure with what changed. Saved, each leads to the challenge (or, for a meeting, to raising one from it);
 * refused, back to its form as typed with each problem against its field, the log's own rules included.
 */
@PageController
class GovernanceForms {

    private final CommandSender commands;

    GovernanceForms(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.SCHOOL)
    @PostMapping("/schools/{urn}/meetings")
    String recordMeeting(@PathVariable String urn, @RequestParam MultiValueMap<String, String> form,
                         RedirectAttributes redirect) {
        GovernanceForm typed = new GovernanceForm(form);
        MeetingKind kind = "COMMITTEE".equals(form.getFirst("kind")) ? MeetingKind.COMMITTEE
                : "FULL_BOARD".equals(form.getFirst("kind")) ? MeetingKind.FULL_BOARD : null;
        if (kind == null) {
            typed.errors.put("kind", "Choose the full board or a committee");
        }
        String committee = form.getFirst("committee") == null || form.getFirst("committee").isBlank() ? null
                : form.getFirst("committee").strip();
        if (kind == MeetingKind.COMMITTEE && committee == null) {
            typed.errors.put("committee", "Say which committee");
        }
        LocalDate heldOn = typed.date("heldOn", "Enter the day it was held, for example 20 11 2026", true);
        String title = typed.required("title", "Enter its title, for example Autumn term full governing board");
        String meetingId = UUID.randomUUID().toString();
        return Forms.submit(redirect, typed, "meeting",
                    () -> commands.send(new RecordMeeting(meetingId, urn, kind, committee, heldOn, title)),
                    GovernanceForm::fieldOf, "Meeting recorded: you can raise a challenge from it",
                    "/schools/" + urn + "/challenges/new?meeting=" + meetingId, "/schools/" + urn + "/meetings/new");
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.SCHOOL)
    @PostMapping("/schools/{urn}/challenges")
    String raise(@PathVariable String urn, @RequestParam MultiValueMap<String, String> form,
                 RedirectAttributes redirect) {
        GovernanceForm typed = new GovernanceForm(form);
        String meeting = typed.chosen("where", "meeting");
        String visit = typed.chosen("where", "visit");
        if (meeting == null && visit == null) {
            typed.errors.put("where", "Choose the meeting or governor visit it was asked at");
        }
        String action = typed.chosen("about", "action");
        String priority = typed.chosen("about", "priority");
        if (action == null && priority == null) {
            typed.errors.put("about", "Choose the action or priority it is about");
        }
        String question = typed.required("question", "Enter the question as it was asked");
        LocalDate raisedOn = typed.date("raisedOn", "Enter the day it was asked, for example 20 11 2026", true);
        String raisedBy = typed.required("raisedBy", "Enter who asked it, a name or a role");
        String challengeId = UUID.randomUUID().toString();
        String planId = raisedOn == null ? null : PlanId.of(urn, AcademicYear.containing(raisedOn));
        return Forms.submit(redirect, typed, "raise",
                    () -> commands.send(new RaiseChallenge(challengeId, urn, planId, priority, action, meeting, visit,
                                                           raisedOn, raisedBy, question)),
                    GovernanceForm::fieldOf, "Challenge raised: it is now awaiting an answer from leaders",
                    "/challenges/" + challengeId,
                    "/schools/" + urn + "/challenges/new");
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.RECORD, variable = "challengeId", record = "Challenge")
    @PostMapping("/challenges/{challengeId}/answer")
    String answer(@PathVariable String challengeId, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        GovernanceForm typed = new GovernanceForm(form);
        String answer = typed.required("answer", "Enter the answer");
        return Forms.submit(redirect, typed, "answer",
                    () -> commands.send(new AnswerChallenge(challengeId, Caller.current().name(), answer)),
                    field -> "answer", "Answer saved", "/challenges/" + challengeId,
                    "/challenges/" + challengeId + "#answer");
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.RECORD, variable = "challengeId",
             record = "Challenge")
    @PostMapping("/challenges/{challengeId}/follow-up")
    String followUp(@PathVariable String challengeId, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        GovernanceForm typed = new GovernanceForm(form);
        String followUp = typed.required("followUp", "Say what is asked for next");
        LocalDate dueOn = typed.date("dueOn", "Enter the date as a day, month and year, for example 15 1 2027", false);
        return Forms.submit(redirect, typed, "followUp",
                    () -> commands.send(new FollowUpChallenge(challengeId, followUp, dueOn)),
                    field -> "followUp", "Follow-up saved", "/challenges/" + challengeId,
                    "/challenges/" + challengeId + "#followUp");
    }

    @Allowed(value = Who.LEADERS_AND_GOVERNORS, scope = ScopeKind.RECORD, variable = "challengeId",
             record = "Challenge")
    @PostMapping("/challenges/{challengeId}/closure")
    String close(@PathVariable String challengeId, @RequestParam MultiValueMap<String, String> form,
                 RedirectAttributes redirect) {
        GovernanceForm typed = new GovernanceForm(form);
        String whatChanged = typed.required("whatChanged", "Say what changed as a result of the challenge");
        return Forms.submit(redirect, typed, "close",
                    () -> commands.send(new CloseChallenge(challengeId, whatChanged)),
                    field -> "whatChanged", "Challenge closed", "/challenges/" + challengeId,
                    "/challenges/" + challengeId + "#whatChanged");
    }
}
