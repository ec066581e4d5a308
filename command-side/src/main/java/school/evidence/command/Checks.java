package school.evidence.command;

import school.evidence.kernel.Rejection;

import java.util.Collection;

/** Guards aggregates use to refuse malformed commands, whatever sent them. */
public final class Checks {
    private Checks() {
    }

    public static void notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Rejection.invalid(field, field + " must not be blank");
        }
    }

    public static void notNull(Object value, String field) {
        if (value == null) {
            throw Rejection.invalid(field, field + " is required");
        }
    }

    public static void notEmpty(Collection<?> value, String field) {
        if (value == null || value.isEmpty()) {
            throw Rejection.invalid(field, field + " must name at least one");
        }
    }
}
