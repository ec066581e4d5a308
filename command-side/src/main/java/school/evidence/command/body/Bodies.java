package school.evidence.command.body;

import school.evidence.kernel.Rejection;
import school.evidence.kernel.body.BodyCommands;
import school.evidence.kernel.body.BodyKind;

import java.util.Set;

import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/** The rules for registering a body, the same for a school's and a trust's: a name, a kind, once per organisation. */
public final class Bodies {
    private Bodies() {
    }

    /** The new body's id; refused (naming the field) when the name, kind or remit will not do or it is registered. */
    public static String checked(String name, BodyKind kind, String remit, Set<String> registered) {
        notBlank(name, "name");
        notNull(kind, "kind");
        String id = BodyCommands.idOf(name);
        if (id.isEmpty() || name.strip().length() > 200) {
            throw Rejection.invalid("name", "A body's name has letters or digits and at most 200 characters");
        }
        if (remit != null && remit.length() > 500) {
            throw Rejection.invalid("remit", "A remit is at most 500 characters");
        }
        if (registered.contains(id)) {
            throw Rejection.conflict("name", "A body called " + name.strip() + " is already registered");
        }
        return id;
    }

    public static String remit(String remit) {
        return remit == null || remit.isBlank() ? null : remit.strip();
    }
}
