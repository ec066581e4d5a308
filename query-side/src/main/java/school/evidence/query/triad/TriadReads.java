package school.evidence.query.triad;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import school.evidence.kernel.triad.Term;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trust.TrustDirectory;
import school.evidence.query.triad.TriadsView.AgreedAction;
import school.evidence.query.triad.TriadsView.Review;
import school.evidence.query.triad.TriadsView.School;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;

/** A trust's triads for its officers: each review slot's status on a day, and what the done ones found and agreed. */
@Component
public class TriadReads {

    private static final Map<String, String> STATUS_LABELS = Map.of("DONE", "Done", "DUE", "Due this term",
                                                                    "OVERDUE", "Overdue", "LATER", "Later in the year");

    private final MongoDatabase database;
    private final TrustDirectory trusts;
    private final Function<String, String> schoolName;

    @Autowired
    TriadReads(MongoDatabase database, TrustDirectory trusts, SchoolNames names) {
        this(database, trusts, names::of);
    }

    TriadReads(MongoDatabase database, TrustDirectory trusts, Function<String, String> schoolName) {
        this.database = database;
        this.trusts = trusts;
        this.schoolName = schoolName;
    }

    public TriadsView forTrust(String trustId, LocalDate on) {
        List<TriadsView.Triad> triads = new ArrayList<>();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Document triad : database.getCollection(TriadProjection.COLLECTION).find(eq("trustId", trustId))
                                      .sort(new Document("trustId", 1).append("academicYear", -1))) {
            String year = triad.getString("academicYear");
            List<Document> rota = triad.getList("rota", Document.class);
            List<Review> reviews = new ArrayList<>();
            for (Document slot : rota) {
                Review review = review(year, slot, rota, on);
                counts.merge(review.status(), 1, Integer::sum);
                reviews.add(review);
            }
            triads.add(new TriadsView.Triad(triad.getString("triadId"), triad.getString("name"), year,
                                            rota.stream().map(s -> school(s.getString("urn"))).toList(), reviews));
        }
        triads.sort(java.util.Comparator.comparing(TriadsView.Triad::academicYear).reversed()
                                        .thenComparing(TriadsView.Triad::name));
        return new TriadsView(trustId, trusts.nameOf(trustId), on.toString(), counts.getOrDefault("DONE", 0),
                              counts.getOrDefault("DUE", 0), counts.getOrDefault("OVERDUE", 0),
                              counts.getOrDefault("LATER", 0), triads);
    }

    private Review review(String year, Document slot, List<Document> rota, LocalDate on) {
        Term term = Term.valueOf(slot.getString("term"));
        String urn = slot.getString("urn");
        List<School> partners = rota.stream().map(s -> s.getString("urn")).filter(u -> !u.equals(urn))
                                    .map(this::school).toList();
        Document done = slot.get("review", Document.class);
        String status = done != null ? "DONE" : on.isAfter(term.endsOn(year)) ? "OVERDUE"
                : on.isBefore(term.startsOn(year)) ? "LATER" : "DUE";
        if (done == null) {
            return new Review(term.name(), term.label(), school(urn), status, STATUS_LABELS.get(status),
                              term.endsOn(year).toString(), partners, null, null, null, null, null, List.of());
        }
        return new Review(term.name(), term.label(), school(urn), status, STATUS_LABELS.get(status),
                          term.endsOn(year).toString(), partners, done.getString("reviewedOn"),
                          done.getString("planId"), done.getList("reviewers", String.class), done.getString("focus"),
                          done.getList("findings", String.class),
                          agreed(done.getString("planId"), done.getList("actionIds", String.class)));
    }

    /** The agreed actions as the reviewed school's plan now has them (number, title, RAG, withdrawn). */
    private List<AgreedAction> agreed(String planId, List<String> actionIds) {
        Document plan = database.getCollection("plan_views").find(eq("_id", planId)).first();
        Map<String, Document> byId = new java.util.HashMap<>();
        if (plan != null) {
            plan.getList("actions", Document.class).forEach(a -> byId.put(a.getString("actionId"), a));
        }
        return actionIds.stream().filter(byId::containsKey).map(byId::get)
                        .map(a -> new AgreedAction(a.getString("actionId"), a.getString("number"),
                                                   a.getString("title"), a.getString("rag"),
                                                   Boolean.TRUE.equals(a.getBoolean("withdrawn")))).toList();
    }

    private School school(String urn) {
        return new School(urn, schoolName.apply(urn));
    }
}
