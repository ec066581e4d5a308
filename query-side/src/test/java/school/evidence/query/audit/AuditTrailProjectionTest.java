package school.evidence.query.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionRagJudged;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPriorityAdded;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.query.EmbeddedMongo;
import school.evidence.query.Paging;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

class AuditTrailProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @Test
    void recordsWhatWhenWhoAndOnWhatPerSchoolAndPages() {
        var db = MONGO.freshDatabase();
        AuditTrailProjection projection = new AuditTrailProjection(db);
        AuditQueryController reads = new AuditQueryController(new AuditTrail(db));
        var registered = event("School", "108520", 0, new SchoolRegistered("108520", "Usworth"), "slt");
        feed(projection, registered, registered,
             event("ImprovementPlan", "108520-2023-24", 0,
                   new ImprovementPlanCreated("108520-2023-24", "108520", "2023-24", "SIP"), "slt"),
             event("School", "100000", 0, new SchoolRegistered("100000", "Elsewhere"), "other"));

        Paging<AuditEntry> page = reads.audit("108520", 0, 1);
        assertThat(page.total()).isEqualTo(2);
        AuditEntry first = page.items().get(0);
        assertThat(first.type()).isEqualTo("SchoolRegistered");
        assertThat(first.actor()).isEqualTo("slt");
        assertThat(first.subjectId()).isEqualTo("108520");
        assertThat(first.recordedAt()).isNotBlank();
        assertThat(reads.audit("108520", 1, 1).items().get(0).type()).isEqualTo("ImprovementPlanCreated");
        assertThat(reads.audit("100000", 0, 10).total()).isEqualTo(1);
    }

    @Test
    void aTrustsTrailHasItsOwnRecordsAndItsSchoolsRecordsMadeForItAndNoOneElses() {
        var db = MONGO.freshDatabase();
        AuditTrailProjection projection = new AuditTrailProjection(db);
        AuditQueryController reads = new AuditQueryController(new AuditTrail(db));
        String plan = "north-2025-26";
        java.time.Instant t = java.time.Instant.parse("2026-11-02T09:00:00Z");
        feed(projection,
             event("Trust", "north", 0, new TrustRegistered("north", "North Trust"), "officer", t),
             event("TrustPlan", plan, 0, new TrustPlanCreated(plan, "north", "Plan", "2025-26", "2027-28"), "officer",
                   t.plusSeconds(1)),
             event("TrustPlan", plan, 1, new TrustPriorityAdded(plan, "north", "T1", "Reading"), "officer",
                   t.plusSeconds(2)),
             event("TrustPlan", plan, 2, new TrustActionRagJudged(plan, "north", "a1", "108520", HalfTerm.AUTUMN_2,
                                                                   Rag.AMBER, "Started", List.of(), "slt"), "slt",
                   t.plusSeconds(3)),
             event("Trust", "south", 0, new TrustRegistered("south", "South Trust"), "someone", t.plusSeconds(4)));

        Paging<AuditEntry> north = reads.trustAudit("north", 0, 10);
        assertThat(north.items()).extracting(AuditEntry::type).containsExactly(
                "TrustRegistered", "TrustPlanCreated", "TrustPriorityAdded", "TrustActionRagJudged");
        assertThat(north.items().get(1).subjectId()).isEqualTo(plan);
        assertThat(north.items().get(1).schoolUrn()).isNull(); // the trust's own record, filed under no school
        assertThat(north.items().get(3).schoolUrn()).isEqualTo("108520"); // the school's, made for the trust
        assertThat(reads.audit("108520", 0, 10).items()).extracting(AuditEntry::type)
                                                       .containsExactly("TrustActionRagJudged");
        assertThat(reads.trustAudit("south", 0, 10).total()).isEqualTo(1);
    }
}
