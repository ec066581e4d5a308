package school.evidence.query.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.plan.PlanEvents.ImprovementPlanCreated;
import school.evidence.query.EmbeddedMongo;
import school.evidence.query.Paging;

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
}
