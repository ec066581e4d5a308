package school.evidence.query.governance;

import school.evidence.query.plan.PlanView;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A challenge as a page lists it: what it is about in words ("Action 3 Reading is at the core..." or "Priority P5")
 * and its state as a governor follows it: awaiting an answer, answered, a follow-up due (or overdue) on a day, or
 * closed. Read from the challenge as it is; nothing here decides anything.
 */
public record ChallengeRow(Challenge challenge, String about, String state, String tag, String followUpDue) {

    public static ChallengeRow of(Challenge c, Map<String, String> actionNames, LocalDate today) {
        String about = c.actionId() != null
                ? "Action " + actionNames.getOrDefault(c.actionId(), "of an earlier plan")
                : "Priority " + c.priorityCode();
        Optional<String> due = c.followUps().stream().map(Challenge.FollowUp::dueOn)
                                 .filter(d -> d != null && !d.isBlank()).max(Comparator.naturalOrder());
        return switch (c.status()) {
            case "CLOSED" -> new ChallengeRow(c, about, "Closed", "govuk-tag--green", null);
            case "ANSWERED" -> due.map(d -> LocalDate.parse(d).isBefore(today)
                            ? new ChallengeRow(c, about, "Follow-up overdue", "govuk-tag--red", d)
                            : new ChallengeRow(c, about, "Follow-up due", "govuk-tag--yellow", d))
                    .orElse(new ChallengeRow(c, about, "Answered", "govuk-tag--blue", null));
            default -> new ChallengeRow(c, about, "Awaiting an answer", "govuk-tag--orange", null);
        };
    }

    /** The plan's actions by id, as pages name them ("3 Reading is at the core of all learning."). */
    public static Map<String, String> actionNames(PlanView plan) {
        if (plan == null) {
            return Map.of();
        }
        return plan.actions().stream().collect(java.util.stream.Collectors.toMap(
                PlanView.Action::actionId, a -> a.number() + " " + a.title()));
    }

    public static List<ChallengeRow> of(List<Challenge> challenges, Map<String, String> actionNames,
                                        LocalDate today) {
        return challenges.stream().map(c -> of(c, actionNames, today)).toList();
    }
}
