package school.evidence.platform.web;

/** What a signed-in user is to a school. A later issue adds operators and scopes users to their schools. */
public enum Role {
    /** Head, deputy, assistant head: owns the plan, judges RAG, reads everything in the school. */
    SENIOR_LEADER,
    /** Records monitoring of their subject; reads their school. */
    SUBJECT_LEADER,
    /** Reads the plan and its evidence; records challenge. Never records monitoring or RAG. */
    GOVERNOR,
    /** Oversees a trust's schools: sets improvement phases, reads every school of the trust. */
    TRUST_OFFICER,
    /** Runs the service: rebuilds projections, issues checkpoints. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
