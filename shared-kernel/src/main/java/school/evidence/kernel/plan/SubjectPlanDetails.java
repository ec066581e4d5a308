package school.evidence.kernel.plan;

/**
 * A subject leader's action plan inside the school's plan for the year: a subject (English), a phase (EYFS) or an
 * area (SEND), led by its leader, whose actions support the school plan's actions.
 *
 * @param area   what it is the plan of, e.g. "English", "EYFS", "SEND"
 * @param leader who leads it: a role or a name ("English lead")
 * @param title  as the school calls it; "English action plan" when not given
 */
public record SubjectPlanDetails(String area, Kind kind, String leader, String title) {

    public enum Kind { SUBJECT, PHASE, AREA }
}
