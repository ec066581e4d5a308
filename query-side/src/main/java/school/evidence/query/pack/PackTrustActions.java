package school.evidence.query.pack;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.ledger.LedgerReader;
import school.evidence.query.monitoring.MonitoringLookups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * The pack's "From the trust's plan": the actions of the school's trusts' plans covering the period that the school
 * takes part in, each with the school's own judgement and its own monitoring citing it in the period only. No other
 * school taking part is named.
 */
final class PackTrustActions {
    private PackTrustActions() {
    }

    /** Adds to {@code aggregates} the plans whose judgements (the school's own, filed under it) the pack proves. */
    static List<Document> of(MongoDatabase db, LedgerReader ledger, String urn, LocalDate from, LocalDate to,
                             Set<String> aggregates) {
        String first = AcademicYear.containing(from);
        String last = AcademicYear.containing(to);
        List<Document> actions = new ArrayList<>();
        for (String trustId : ledger.aggregatesWithEventInSchool(urn, SchoolJoinedTrust.class.getName()).stream()
                                    .sorted().toList()) {
            for (Document plan : db.getCollection("trust_plans").find(eq("trustId", trustId))
                                   .sort(new Document("trustId", 1).append("fromYear", 1))) {
                if (plan.getString("toYear").compareTo(first) < 0 || plan.getString("fromYear").compareTo(last) > 0) {
                    continue; // the plan does not cover the pack's period
                }
                for (Document action : plan.getList("actions", Document.class)) {
                    boolean takesPart = action.getBoolean("allSchools", false)
                            || action.getList("schools", String.class).contains(urn);
                    if (!takesPart) {
                        continue;
                    }
                    Document own = action.getList("judgements", Document.class).stream()
                                         .filter(j -> urn.equals(j.getString("schoolUrn"))).findFirst().orElse(null);
                    actions.add(new Document("planId", plan.get("planId")).append("planTitle", plan.get("title"))
                            .append("fromYear", plan.get("fromYear")).append("toYear", plan.get("toYear"))
                            .append("number", action.get("number")).append("title", action.get("title"))
                            .append("priorities", action.get("priorities")).append("timescale", action.get("timescale"))
                            .append("rag", own == null ? null : own.get("status"))
                            .append("judgement", own == null ? null : new Document("halfTerm", own.get("halfTerm"))
                                    .append("rationale", own.get("rationale")).append("judgedBy", own.get("judgedBy"))
                                    .append("judgedAt", own.get("judgedAt"))));
                    actions.get(actions.size() - 1).append("monitoring", MonitoringLookups.citing(
                            db, urn, action.getString("actionId"), from, to));
                    aggregates.add(plan.getString("planId"));
                }
            }
        }
        return actions;
    }
}
