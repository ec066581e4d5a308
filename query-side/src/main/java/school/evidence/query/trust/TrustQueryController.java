package school.evidence.query.trust;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanId;
import school.evidence.query.monitoring.ConfidentialFindings;
import school.evidence.query.monitoring.MonitoringLookups;
import school.evidence.query.plan.PlanSummaries;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

@RestController
@Tag(name = "Trusts")
class TrustQueryController {

    private final MongoDatabase database;

    TrustQueryController(MongoDatabase database) {
        this.database = database;
    }

    /**
     * The trust's schools side by side on a date ({@code on}, default today): improvement phase, the RAG
     * distribution of the plan for that academic year, overdue next steps, how many live actions have monitoring
     * evidence this year, and the last self-evaluation.
     */
    @GetMapping("/api/trusts/{trustId}")
    Document trust(@PathVariable String trustId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        if (trust == null) {
            throw Rejection.notFound("trustId", "No trust " + trustId);
        }
        LocalDate day = on == null ? LocalDate.now(ZoneId.of("Europe/London")) : on;
        String year = AcademicYear.containing(day);
        int startYear = Integer.parseInt(year.substring(0, 4));
        LocalDate yearStart = LocalDate.of(startYear, 9, 1);
        List<Document> schools = new ArrayList<>();
        for (Document school : trust.getList("schools", Document.class)) {
            String urn = school.getString("urn");
            Document row = new Document(school);
            row.append("planId", PlanId.of(urn, year));
            Optional<PlanSummaries.Summary> plan = PlanSummaries.of(database, PlanId.of(urn, year));
            row.append("planStatus", plan.map(PlanSummaries.Summary::status).orElse(null));
            row.append("ragDistribution", plan.map(p -> p.rollUp().get("distribution")).orElse(null));
            row.append("overallRag", plan.map(p -> p.rollUp().getString("rag")).orElse(null));
            row.append("overdueNextSteps", MonitoringLookups.overdueNextSteps(database, urn, day, ConfidentialFindings.NOBODY).size());
            List<String> live = plan.map(PlanSummaries.Summary::liveActionIds).orElse(List.of());
            long evidenced = live.stream().filter(a -> MonitoringLookups.evidenceCount(database, urn, a, yearStart, day) > 0)
                                 .count();
            row.append("monitoringCoverage", new Document("liveActions", live.size())
                    .append("actionsWithEvidenceThisYear", evidenced));
            Document latest = database.getCollection("self_evaluations").find(eq("schoolUrn", urn))
                                      .sort(Sorts.descending("evaluatedOn")).limit(1).first();
            row.append("lastSelfEvaluation", latest == null ? null : new Document("evaluatedOn", latest.getString("evaluatedOn"))
                    .append("ratings", latest.getList("ratings", Document.class).stream()
                                             .map(r -> r.getInteger("coreElement") + r.getString("standard") + "=" + r.getInteger("rating"))
                                             .toList()));
            schools.add(row);
        }
        return new Document("trustId", trustId).append("name", trust.getString("name")).append("on", day.toString())
                                               .append("academicYear", year).append("schools", schools);
    }
}
