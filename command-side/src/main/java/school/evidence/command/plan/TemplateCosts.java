package school.evidence.command.plan;

import school.evidence.kernel.plan.CostBasis;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's money columns on an ACTION row: {@code cost} as plans write it ("£1,200", "£2,500 per school",
 * "£4,000 a year"), {@code cost_basis} when the per is in a column of its own (total, per school, per year), and
 * {@code funding_source}.
 */
final class TemplateCosts {

    /** The amount, what it is per (null: not said), or a problem to report against a column. */
    record Cost(BigDecimal pounds, CostBasis basis, String problemColumn, String problem) {
    }

    private static final Pattern AMOUNT = Pattern.compile("£?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*(.*)");

    private TemplateCosts() {
    }

    static Cost read(String costCell, String basisCell) {
        if (costCell.isEmpty()) {
            return basisCell.isEmpty() ? new Cost(null, null, null, null)
                    : new Cost(null, null, "cost_basis", "cost_basis says what the cost is per; give the cost too");
        }
        Matcher m = AMOUNT.matcher(costCell.strip());
        if (!m.matches()) {
            return new Cost(null, null, "cost", "'" + costCell + "' is not a number of pounds");
        }
        BigDecimal pounds = new BigDecimal(m.group(1).replace(",", ""));
        if (pounds.stripTrailingZeros().scale() > 2) {
            return new Cost(null, null, "cost", "'" + costCell + "' is not an amount in pounds and pence");
        }
        String inCell = m.group(2).strip();
        CostBasis fromCell = inCell.isEmpty() ? null : basis(inCell);
        if (!inCell.isEmpty() && fromCell == null) {
            return new Cost(null, null, "cost", "'" + costCell + "' should end with per school or a year, if anything");
        }
        CostBasis fromColumn = basisCell.isEmpty() ? null : basis(basisCell);
        if (!basisCell.isEmpty() && fromColumn == null) {
            return new Cost(null, null, "cost_basis", "'" + basisCell + "' is not total, per school or per year");
        }
        if (fromCell != null && fromColumn != null && fromCell != fromColumn) {
            return new Cost(null, null, "cost_basis", "The cost says " + inCell + " but cost_basis says " + basisCell);
        }
        return new Cost(pounds, fromCell != null ? fromCell : fromColumn, null, null);
    }

    /** "per school", "each school", "a year", "per annum", "pa", "total"...; null when it is none of them. */
    static CostBasis basis(String words) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
        return switch (w) {
            case "total", "in total", "whole", "one off", "once" -> CostBasis.TOTAL;
            case "per school", "school", "each school", "a school" -> CostBasis.PER_SCHOOL;
            case "per year", "year", "a year", "each year", "per annum", "pa", "p a", "annual", "annually",
                 "yearly" -> CostBasis.PER_YEAR;
            default -> null;
        };
    }
}
