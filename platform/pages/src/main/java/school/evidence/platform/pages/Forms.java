package school.evidence.platform.pages;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import school.evidence.kernel.Rejection;
import school.evidence.platform.proof.WriteReceipts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page's form handler (on the command side) hands to the page it redirects to (on the read side): what was
 * typed and why it was refused, or that it was saved and how far the ledger got, so that page shows the change.
 * Nothing typed is lost: a refused form comes back filled in.
 */
public final class Forms {

    private Forms() {
    }

    /** After a write: the page the redirect leads to waits until the read models show it. */
    public static void afterWrite(RedirectAttributes redirect, String saved) {
        WriteReceipts.lastPositionStored().ifPresent(p -> redirect.addFlashAttribute(ReadYourWrites.SEEN, p));
        redirect.addFlashAttribute("saved", saved);
    }

    /**
     * The domain's refusal behind a failed command, if that is what it was (the command bus wraps it); anything else
     * is not the person's mistake and is thrown on.
     */
    public static Rejection rejectionOr(RuntimeException failure) {
        if (causeOf(failure) instanceof Rejection r) {
            return r;
        }
        throw failure;
    }

    /** The cause a command failed with, unwrapped from the command bus's wrapper. */
    public static Throwable causeOf(RuntimeException failure) {
        return failure instanceof CommandExecutionException && failure.getCause() != null ? failure.getCause()
                : failure;
    }

    /**
     * Sends a form's command if the form was read whole: saved, the redirect leads on (and that page waits to show
     * the change); refused, by the reading or by the domain ({@code fieldOf} names the box a refusal is about), it
     * leads back to the form, filled in as typed, each problem against its field.
     */
    public static String submit(RedirectAttributes redirect, FormReader typed, String form, Runnable command,
                                java.util.function.UnaryOperator<String> fieldOf, String saved, String onSaved,
                                String onRefused) {
        if (typed.errors.isEmpty()) {
            try {
                command.run();
                afterWrite(redirect, saved);
                return "redirect:" + onSaved;
            } catch (RuntimeException e) {
                Rejection r = rejectionOr(e);
                typed.errors.put(fieldOf.apply(r.field()), r.getMessage());
            }
        }
        refused(redirect, form, typed.typed(), typed.errors);
        return "redirect:" + onRefused;
    }

    /** A refused form: its values as typed, under {@code <form>Form}, and each field's problem under {@code <form>Errors}. */
    public static void refused(RedirectAttributes redirect, String form, Map<String, ?> typed,
                               Map<String, String> errors) {
        redirect.addFlashAttribute(form + "Form", new LinkedHashMap<>(typed));
        redirect.addFlashAttribute(form + "Errors", new LinkedHashMap<>(errors));
    }
}
