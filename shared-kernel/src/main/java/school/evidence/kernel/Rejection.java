package school.evidence.kernel;

/**
 * A command refused by a business rule. Names the request field at fault so the HTTP layer can say which field
 * to correct. Nothing is written when a command is rejected.
 */
public class Rejection extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;

    public Rejection(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection(Kind.INVALID, field, message);
    }

    public static Rejection notFound(String field, String message) {
        return new Rejection(Kind.NOT_FOUND, field, message);
    }

    public static Rejection conflict(String field, String message) {
        return new Rejection(Kind.CONFLICT, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
