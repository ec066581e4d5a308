package school.evidence.kernel.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a plan action says, as on the sample plan's "Aim/Action" row.
 *
 * @param priorities     linked priority codes, e.g. P1 P2 P4
 * @param ofstedActions  actions from the last inspection, e.g. OA3
 * @param leads          roles or initials (HT, DHT, English Leader)
 * @param governorLink   the link governor's initials or name
 * @param resources      resources needed, in words
 * @param costPounds     cost in pounds (two decimal places at most), or null
 * @param monitoredBy    who monitors it
 * @param evaluatedBy    who evaluates it
 * @param timescale      when it runs and its milestones, or null (actions recorded before timescales)
 * @param costBasis      what {@code costPounds} is per: the whole action (null means that too), each school, each year
 * @param fundingSource  where the money comes from, e.g. "Pupil premium", or null
 * @param supports       for a subject plan's action, the school plan's actions it supports (ids); null for none
 */
public record ActionDetails(String title, List<String> priorities, List<String> ofstedActions, List<String> leads,
                            String governorLink, String resources, BigDecimal costPounds, List<String> monitoredBy,
                            List<String> evaluatedBy, Timescale timescale, CostBasis costBasis,
                            String fundingSource, List<String> supports) {

    public ActionDetails {
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        ofstedActions = ofstedActions == null ? List.of() : List.copyOf(ofstedActions);
        leads = leads == null ? List.of() : List.copyOf(leads);
        monitoredBy = monitoredBy == null ? List.of() : List.copyOf(monitoredBy);
        evaluatedBy = evaluatedBy == null ? List.of() : List.copyOf(evaluatedBy);
        supports = supports == null ? null : List.copyOf(supports); // null: not said (a revision keeps the links)
    }

    /** Without links to the school plan's actions, as every action but a subject plan's is. */
    public ActionDetails(String title, List<String> priorities, List<String> ofstedActions, List<String> leads,
                         String governorLink, String resources, BigDecimal costPounds, List<String> monitoredBy,
                         List<String> evaluatedBy, Timescale timescale, CostBasis costBasis, String fundingSource) {
        this(title, priorities, ofstedActions, leads, governorLink, resources, costPounds, monitoredBy, evaluatedBy,
             timescale, costBasis, fundingSource, null);
    }

    /** Without a cost basis or funding source, as actions were recorded before they were kept. */
    public ActionDetails(String title, List<String> priorities, List<String> ofstedActions, List<String> leads,
                         String governorLink, String resources, BigDecimal costPounds, List<String> monitoredBy,
                         List<String> evaluatedBy, Timescale timescale) {
        this(title, priorities, ofstedActions, leads, governorLink, resources, costPounds, monitoredBy, evaluatedBy,
             timescale, null, null);
    }

    /** Without a timescale, as actions were recorded before timescales were. */
    public ActionDetails(String title, List<String> priorities, List<String> ofstedActions, List<String> leads,
                         String governorLink, String resources, BigDecimal costPounds, List<String> monitoredBy,
                         List<String> evaluatedBy) {
        this(title, priorities, ofstedActions, leads, governorLink, resources, costPounds, monitoredBy, evaluatedBy,
             null);
    }

    /** The same details with another timescale. */
    public ActionDetails withTimescale(Timescale other) {
        return new ActionDetails(title, priorities, ofstedActions, leads, governorLink, resources, costPounds,
                                 monitoredBy, evaluatedBy, other, costBasis, fundingSource, supports);
    }

    /** The same details supporting other school plan actions (null: none said). */
    public ActionDetails withSupports(List<String> actionIds) {
        return new ActionDetails(title, priorities, ofstedActions, leads, governorLink, resources, costPounds,
                                 monitoredBy, evaluatedBy, timescale, costBasis, fundingSource, actionIds);
    }

    /** The same details with another cost basis and funding source. */
    public ActionDetails withCosting(CostBasis basis, String source) {
        return new ActionDetails(title, priorities, ofstedActions, leads, governorLink, resources, costPounds,
                                 monitoredBy, evaluatedBy, timescale, basis, source, supports);
    }

    /** The cost over the action's whole timescale and every school taking part, or null if it is not costed. */
    public BigDecimal wholeCost(int schools) {
        return CostBasis.wholeCost(costPounds, costBasis, timescale == null ? null : timescale.startsOn(),
                                   timescale == null ? null : timescale.endsOn(), schools);
    }

    /** Just a title and its links: what the first slice of the product recorded. */
    public static ActionDetails of(String title, List<String> priorities, List<String> leads, String governorLink) {
        return new ActionDetails(title, priorities, List.of(), leads, governorLink, null, null, List.of(), List.of());
    }
}
