package school.evidence.query.pack;

import org.bson.Document;
import school.evidence.platform.pages.Words;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pack's template needs beyond the pack itself: actions by section, codes in the school's words, and the
 * sentences a reader expects where the pack holds lists (a next step's follow-up, a challenge's state).
 */
final class PackLayout {

    private final Words words;
    private final Map<String, String> actionNames = new HashMap<>();

    PackLayout(Words words, Document pack) {
        this.words = words;
        for (Document plan : pack.getList("plans", Document.class)) {
            for (Document action : plan.getList("actions", Document.class)) {
                actionNames.put(action.getString("actionId"), action.getString("number") + ". "
                        + action.getString("title"));
            }
        }
    }

    public List<Document> actionsOf(Document plan, String sectionId) {
        return plan.getList("actions", Document.class).stream()
                   .filter(a -> sectionId.equals(a.getString("sectionId"))).toList();
    }

    public List<String> words(List<String> codes) {
        return codes.stream().map(words::of).toList();
    }

    /** What later monitoring found about a next step, or that nothing has checked it yet. */
    public String followUp(Document step) {
        List<Document> checks = step.getList("checks", Document.class, List.of());
        if (checks.isEmpty()) {
            return "OPEN".equals(step.getString("status")) ? "Not checked yet" : words.of(step.getString("status"));
        }
        Document last = checks.get(checks.size() - 1);
        String impact = last.getString("impact");
        return "Checked on " + words.day(last.getString("checkedOn")) + ": "
                + words.of(last.getString("outcome")).toLowerCase(java.util.Locale.UK)
                + (impact == null || impact.isBlank() ? "" : ". " + impact);
    }

    /** "Raised on 20 November 2023 by the chair, at the full board, about action 3. Reading...". */
    public String raised(Document challenge) {
        Document meeting = challenge.get("meeting", Document.class);
        String where = meeting != null ? ", at the " + meeting.getString("title")
                : challenge.getString("visitActivityId") != null ? ", on a governor visit" : "";
        String about = challenge.getString("actionId") != null
                ? "action " + actionNames.getOrDefault(challenge.getString("actionId"), "of an earlier plan")
                : "priority " + challenge.getString("priorityCode");
        return "Raised on " + words.day(challenge.getString("raisedOn")) + " by " + challenge.getString("raisedBy")
                + where + ", about " + about;
    }

    public String challengeState(Document challenge) {
        return switch (String.valueOf(challenge.getString("status"))) {
            case "CLOSED" -> "Closed. What changed: " + challenge.getString("whatChanged");
            case "ANSWERED" -> "Answered; not yet closed.";
            default -> "Awaiting an answer.";
        };
    }
}
