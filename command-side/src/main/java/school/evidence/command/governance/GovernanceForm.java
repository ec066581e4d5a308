package school.evidence.command.governance;

import org.springframework.util.MultiValueMap;
import school.evidence.platform.pages.FormReader;

/**
 * The governance pages' forms as typed: what a person can get wrong while typing (a date that is not one, nothing
 * chosen) is said here in words against its field; the log's own rules (a closure that records no change) come back
 * from the command.
 */
final class GovernanceForm extends FormReader {

    GovernanceForm(MultiValueMap<String, String> form) {
        super(form);
    }

    /** A choice sent as {@code kind:id} ("meeting:…", "action:…"): the id when it is of that kind, else null. */
    String chosen(String name, String kind) {
        String value = value(name);
        return value.startsWith(kind + ":") && value.length() > kind.length() + 1
                ? value.substring(kind.length() + 1) : null;
    }

    /** The form's name for the field a refusal names; the question when it names none of them. */
    static String fieldOf(String domainField) {
        if (domainField == null) {
            return "question";
        }
        return switch (domainField) {
            case "meetingId", "visitActivityId" -> "where";
            case "priorityCode", "actionId", "planId" -> "about";
            case "raisedOn", "raisedBy", "question", "answer", "followUp", "dueOn", "whatChanged", "kind",
                 "committee", "heldOn", "title" -> domainField;
            default -> "question";
        };
    }
}
