package school.evidence.query.trust;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import school.evidence.kernel.plan.PlanId;
import school.evidence.query.RecordedAt;
import school.evidence.query.monitoring.ConfidentialFindings;
import school.evidence.query.monitoring.MonitoringLookups;
import school.evidence.query.plan.PlanSummaries;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * A school's numbers in the trust view on a day, live or as the product knew them at an instant: plan RAG, overdue
 * next steps, monitoring coverage this academic year, the last self-evaluation. Counts only: no notes, so nothing
 * confidential reaches a trust officer through them.
 */
final class SchoolFigures {

    private final MongoDatabase database;
    private final LocalDate day;
    private final String year;
    private final Instant asOf;

    SchoolFigures(MongoDatabase database, LocalDate day, String year, Instant asOf) {
        this.database = database;
        this.day = day;
        this.year = year;
        this.asOf = asOf;
    }

    void addTo(Document row, String urn) {
        LocalDate yearStart = LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1);
        Optional<PlanSummaries.Summary> plan = PlanSummaries.of(database, PlanId.of(urn, year), asOf);
        row.append("planId", PlanId.of(urn, year))
           .append("planStatus", plan.map(PlanSummaries.Summary::status).orElse(null))
           .append("ragDistribution", plan.map(p -> p.rollUp().get("distribution")).orElse(null))
           .append("overallRag", plan.map(p -> p.rollUp().getString("rag")).orElse(null));
        List<String> live = plan.map(PlanSummaries.Summary::liveActionIds).orElse(List.of());
        long evidenced;
        if (asOf == null) {
            row.append("overdueNextSteps", MonitoringLookups.overdueNextSteps(database, urn, day,
                                                                              ConfidentialFindings.NOBODY).size());
            evidenced = live.stream().filter(a -> MonitoringLookups.evidenceCount(database, urn, a, yearStart, day) > 0)
                            .count();
        } else {
            List<Document> known = MonitoringLookups.asOfForCounting(database, urn, asOf).stream()
                                                    .filter(r -> !r.getBoolean("retracted", false)).toList();
            row.append("overdueNextSteps", overdue(known));
            Set<String> cited = new HashSet<>();
            known.stream().map(r -> r.get("current", Document.class))
                 .filter(d -> within(d.getString("occurredOn"), yearStart))
                 .forEach(d -> cited.addAll(d.getList("actionIds", String.class, List.of())));
            evidenced = live.stream().filter(cited::contains).count();
        }
        row.append("monitoringCoverage", new Document("liveActions", live.size())
                .append("actionsWithEvidenceThisYear", evidenced));
        var evaluations = database.getCollection("self_evaluations");
        Document latest = evaluations.find(asOf == null ? eq(SCHOOL_URN, urn) : Filters.and(eq(SCHOOL_URN, urn),
                        Filters.lte("recordedAt", RecordedAt.format(asOf))))
                                     .sort(Sorts.descending("evaluatedOn")).limit(1).first();
        row.append("lastSelfEvaluation", latest == null ? null : new Document("evaluatedOn", latest.getString("evaluatedOn"))
                .append("ratings", latest.getList("ratings", Document.class).stream()
                                         .map(r -> r.getInteger("coreElement") + r.getString("standard") + "=" + r.getInteger("rating"))
                                         .toList()));
    }

    private boolean within(String occurredOn, LocalDate yearStart) {
        LocalDate date = LocalDate.parse(occurredOn);
        return !date.isBefore(yearStart) && !date.isAfter(day);
    }

    /** Next steps agreed in the monitoring known then, due before the day and not checked by anything known then. */
    private long overdue(List<Document> known) {
        Set<String> checked = new HashSet<>();
        known.forEach(r -> r.get("current", Document.class).getList("nextStepChecks", Document.class, List.of())
                            .forEach(c -> checked.add(c.getString("nextStepId"))));
        return known.stream().flatMap(r -> r.get("current", Document.class)
                                            .getList("nextSteps", Document.class, List.of()).stream())
                    .filter(s -> s.getString("dueOn") != null && LocalDate.parse(s.getString("dueOn")).isBefore(day))
                    .filter(s -> !checked.contains(s.getString("stepId"))).count();
    }
}
