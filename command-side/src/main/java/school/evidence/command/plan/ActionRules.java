package school.evidence.command.plan;

import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;

import java.math.BigDecimal;

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
}
