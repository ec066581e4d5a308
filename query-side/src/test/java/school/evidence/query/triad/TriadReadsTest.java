package school.evidence.query.triad;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.kernel.plan.PlanEvents.SectionAdded;
import school.evidence.kernel.plan.SectionDetails;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadEvents.RotaSlot;
import school.evidence.kernel.triad.TriadEvents.TriadFormed;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;
import school.evidence.query.EmbeddedMongo;
import school.evidence.query.trust.TrustDirectory;

import java.lang.reflect.Constructor;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

/** The trust sees each triad review done, due, overdue or later; the reviewed plan's actions name their review. */
class TriadReadsTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final String TRUST = "north-star";
    private static final String TRIAD = "north-triad-2025-26";
    private static final String PLAN = "100001-2025-26";

    @Test
    void aReviewIsDoneWithTheActionsItAgreedAndTheOthersAreDueOverdueOrLaterByTheirTerms() throws Exception {
        MongoDatabase db = MONGO.freshDatabase();
        feed(projection("school.evidence.query.trust.TrustProjection", db),
             event("Trust", TRUST, 0, new TrustRegistered(TRUST, "North Star Learning Trust"), "officer"));
        TriadReviewRecorded review = new TriadReviewRecorded(PLAN, "100001", "r1", TRUST, TRIAD, Term.SPRING,
                LocalDate.of(2026, 2, 10), List.of("108520", "100002"), List.of("Head, Castle View"),
                "Reading", List.of("Phonics is secure"), List.of("a1", "a2"));
        feed(new TriadProjection(db),
             event("Trust", TRUST, 1, new TriadFormed(TRUST, TRIAD, "North triad", "2025-26", List.of(
                     new RotaSlot(Term.AUTUMN, "108520"), new RotaSlot(Term.SPRING, "100001"),
                     new RotaSlot(Term.SUMMER, "100002"))), "officer"),
             event("ImprovementPlan", PLAN, 2, review, "slt"));
        feed(projection("school.evidence.query.plan.PlanViewProjection", db),
             event("ImprovementPlan", PLAN, 0, new ImprovementPlanCreated(PLAN, "100001", "2025-26", "SIP"), "slt"),
             event("ImprovementPlan", PLAN, 1, new SectionAdded(PLAN, "100001", "qoe", new SectionDetails(
                     "Quality of education", null, List.of(), Set.of())), "slt"),
             event("ImprovementPlan", PLAN, 2, review, "slt"),
             event("ImprovementPlan", PLAN, 3, new ActionAdded(PLAN, "100001", "a1", "qoe", "4", titled("Guided reading")), "slt"),
             event("ImprovementPlan", PLAN, 4, new ActionAdded(PLAN, "100001", "a2", "qoe", "5", titled("Library")), "slt"),
             event("ImprovementPlan", PLAN, 5, new ActionAdded(PLAN, "100001", "a3", "qoe", "6", titled("Other")), "slt"));
        TriadReads reads = new TriadReads(db, new TrustDirectory(db), urn -> "School " + urn);

        TriadsView march = reads.forTrust(TRUST, LocalDate.of(2026, 3, 2));
        assertThat(march.trustName()).isEqualTo("North Star Learning Trust");
        assertThat(march.triads()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("North triad");
            assertThat(t.reviews()).extracting(r -> r.term(), r -> r.school().name(), r -> r.status())
                                   .containsExactly(tuple("AUTUMN", "School 108520", "OVERDUE"),
                                                    tuple("SPRING", "School 100001", "DONE"),
                                                    tuple("SUMMER", "School 100002", "LATER"));
            TriadsView.Review spring = t.reviews().get(1);
            assertThat(spring.reviewingSchools()).extracting(TriadsView.School::urn).containsExactly("108520", "100002");
            assertThat(spring.focus()).isEqualTo("Reading");
            assertThat(spring.actions()).extracting(TriadsView.AgreedAction::number, TriadsView.AgreedAction::title)
                                        .containsExactly(tuple("4", "Guided reading"), tuple("5", "Library"));
        });
        assertThat(List.of(march.done(), march.due(), march.overdue(), march.later())).containsExactly(1, 0, 1, 1);
        assertThat(reads.forTrust(TRUST, LocalDate.of(2026, 5, 1)).due()).isEqualTo(1);
        assertThat(reads.forTrust("south", LocalDate.of(2026, 5, 1)).triads()).isEmpty();

        // the reviewed school's plan keeps the review and each agreed action names it; the others do not
        Document plan = db.getCollection("plan_views").find(eq("_id", PLAN)).first();
        assertThat(plan.getList("triadReviews", Document.class)).singleElement()
                .satisfies(r -> assertThat(r.getList("actionIds", String.class)).containsExactly("a1", "a2"));
        assertThat(plan.getList("actions", Document.class))
                .extracting(a -> a.get("agreedAt") == null ? null : ((Document) a.get("agreedAt")).getString("reviewId"))
                .containsExactly("r1", "r1", null);
    }

    private static ActionDetails titled(String title) {
        return new ActionDetails(title, List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(), null,
                                 null, null);
    }

    private static Object projection(String type, MongoDatabase db) throws Exception {
        Constructor<?> constructor = Class.forName(type).getDeclaredConstructor(MongoDatabase.class);
        constructor.setAccessible(true);
        return constructor.newInstance(db);
    }
}
