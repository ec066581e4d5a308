package school.evidence.platform.axon;

/** Metadata keys every command carries and its events inherit. */
public final class CommandMetadata {
    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String REASON = "reason";
    /** The HTTP request that sent the command (its {@code X-Request-Id} reply header). */
    public static final String REQUEST_ID = "requestId";
    /** Set by Axon's MessageOriginProvider. */
    public static final String CORRELATION_ID = "correlationId";

    private CommandMetadata() {
    }
}
