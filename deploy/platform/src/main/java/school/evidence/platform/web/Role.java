package school.evidence.platform.web;

/** What a signed-in user is to a school. A later issue adds trust officers and operators. */
public enum Role {
    /** Head, deputy, assistant head: owns the plan, judges RAG, reads everything in the school. */
    SENIOR_LEADER,
    /** Records monitoring of their subject; reads their school. */
    SUBJECT_LEADER,
    /** Reads the plan and its evidence; records challenge. Never records monitoring or RAG. */
    GOVERNOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
