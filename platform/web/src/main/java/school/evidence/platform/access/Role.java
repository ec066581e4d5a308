package school.evidence.platform.access;

/** What a signed-in user is to the schools or trust they belong to (see {@link AccessRules} for what each may do). */
public enum Role {
    /** Head, deputy, assistant head: owns the plan, judges RAG, reads everything in their schools. */
    SENIOR_LEADER,
    /** Records monitoring; reads their schools. */
    SUBJECT_LEADER,
    /** Reads their school's plan and evidence (no confidential notes); records challenge and governor visits. */
    GOVERNOR,
    /**
     * An officer of a trust or of a local authority (organisations with member schools): reads every school of it;
     * records external reviews; manages its schools, phases, plans and triads.
     */
    TRUST_OFFICER,
    /** Runs the service: rebuilds projections, issues and checks checkpoints. Sees no pupil or staff content. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
