package school.evidence.query.plan;

import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the plan's live actions cost, summed: each action's whole cost (per school times the schools taking part, a
 * year times the years it runs) in all and by where the money comes from, largest first. Withdrawn actions do not
 * count; an action with no cost is left out of the sums, not counted as nothing.
 */
final class PlanCosts {
    private PlanCosts() {
    }

    static Document of(Document plan) {
        BigDecimal total = BigDecimal.ZERO;
        int costed = 0;
        Map<String, BigDecimal> bySource = new LinkedHashMap<>();
        Map<String, Integer> actionsBySource = new LinkedHashMap<>();
        for (Document action : PlanViewProjection.list(plan, "actions")) {
            String whole = action.getString("wholeCostPounds");
            if (action.getBoolean("withdrawn", false) || whole == null) {
                continue;
            }
            BigDecimal pounds = new BigDecimal(whole);
            String source = action.getString("fundingSource");
            String key = source == null ? "" : source;
            total = total.add(pounds);
            costed++;
            bySource.merge(key, pounds, BigDecimal::add);
            actionsBySource.merge(key, 1, Integer::sum);
        }
        List<Document> sources = new ArrayList<>();
        bySource.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .forEach(e -> sources.add(new Document("fundingSource", e.getKey().isEmpty() ? null : e.getKey())
                        .append("totalPounds", e.getValue().toPlainString())
                        .append("actions", actionsBySource.get(e.getKey()))));
        return new Document("totalPounds", total.toPlainString()).append("costedActions", costed)
                                                                 .append("bySource", sources);
    }
}
