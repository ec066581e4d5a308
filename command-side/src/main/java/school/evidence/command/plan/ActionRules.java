package school.evidence.command.plan;

import school.evidence.command.monitoring.MonitoringRecords;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.Rag;

import java.math.BigDecimal;
import java.util.List;

import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * What every plan's action must say well, a school's or a trust's: a title, a cost in pounds and pence with what it
 * is per, and a timescale whose milestones fall inside it. Which priorities it may name is the plan's own rule.
 */
public final class ActionRules {
    private ActionRules() {
    }

    /** The details tidied (title and funding source stripped, milestones in date order), or refused naming a field. */
    public static ActionDetails checked(ActionDetails details) {
        notNull(details, "title");
        notBlank(details.title(), "title");
        BigDecimal cost = details.costPounds();
        if (cost != null && (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 2)) {
            throw Rejection.invalid("costPounds", "costPounds must be a non-negative amount in pounds and pence");
        }
        if (cost == null && details.costBasis() != null) {
            throw Rejection.invalid("costBasis", "costBasis says what costPounds is per; give costPounds too");
        }
        String source = details.fundingSource() == null || details.fundingSource().isBlank() ? null
                : details.fundingSource().strip();
        return new ActionDetails(details.title().strip(), details.priorities(), details.ofstedActions(),
                                 details.leads(), details.governorLink(), details.resources(), cost,
                                 details.monitoredBy(), details.evaluatedBy(), Timescales.checked(details.timescale()),
                                 details.costBasis(), source, details.supports());
    }

    /**
     * A RAG judgement's rules, wherever an action is judged (a school's plan, a trust's plan at one school): a
     * half-term, a status and a rationale, and evidence that is that school's own unretracted monitoring.
     *
     * @return the evidence cited (none: empty)
     */
    public static List<String> checkedJudgement(Object halfTerm, Rag status, String rationale, List<String> cited,
                                                String schoolUrn, MonitoringRecords monitoring) {
        notNull(halfTerm, "halfTerm");
        notNull(status, "status");
        notBlank(rationale, "rationale");
        List<String> evidence = cited == null ? List.of() : cited;
        for (String activityId : evidence) {
            MonitoringRecords.Facts facts = monitoring.find(activityId).filter(f -> f.schoolUrn().equals(schoolUrn))
                    .orElseThrow(() -> Rejection.invalid("evidence", "No monitoring activity " + activityId
                            + " is recorded for this school"));
            if (facts.retracted()) {
                throw Rejection.invalid("evidence", "Monitoring activity " + activityId + " was retracted");
            }
        }
        return evidence;
    }
}
