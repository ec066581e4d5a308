package school.evidence.kernel.body;

/** The kinds of body a plan names as responsible for, monitoring or evaluating an action. */
public enum BodyKind {
    /** a governing board, a trust board, an LA's improvement board */
    BOARD,
    /** a committee of a board: curriculum and standards, finance */
    COMMITTEE,
    /** schools or services working together: a teaching school hub, a locality partnership */
    PARTNERSHIP,
    /** an outside organisation that advises: an LA's school improvement service, a consultancy */
    ADVISER_ORGANISATION
}
