package school.evidence.query.pack;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.ledger.LedgerReader;
import school.evidence.query.ledger.LedgerProofs;
import school.evidence.query.pack.EvidencePackController.Format;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Builds a school's evidence pack and renders it as the JSON, HTML or PDF file an inspector is given. The school's
 * log is signed as part of making a pack, so a pack never waits for a checkpoint and covers everything recorded.
 */
@Component
class EvidencePacks {

    /** The first academic year inspected under the renewed framework (report cards from November 2025). */
    private static final int RENEWED_FROM = 2025;

    private final MongoDatabase database;
    private final LedgerReader ledger;
    private final LedgerProofs proofs;
    private final PackDocuments documents;

    EvidencePacks(MongoDatabase database, LedgerReader ledger, LedgerProofs proofs, PackDocuments documents) {
        this.database = database;
        this.ledger = ledger;
        this.proofs = proofs;
        this.documents = documents;
    }

    /** @param framework null for the one in force in the academic year the period starts in */
    Document build(String urn, LocalDate from, LocalDate to, OfstedArea.Framework framework, String madeBy) {
        OfstedArea.Framework chosen = framework != null ? framework : inForce(from);
        proofs.signNow(urn);
        return new EvidencePackBuilder(database, ledger).build(urn, from, to, chosen).append("generatedBy", madeBy);
    }

    byte[] render(Document pack, Format format) {
        return switch (format) {
            case JSON -> pack.toJson().getBytes(StandardCharsets.UTF_8);
            case HTML -> documents.html(pack).getBytes(StandardCharsets.UTF_8);
            case PDF -> documents.pdf(pack);
        };
    }

    static OfstedArea.Framework inForce(LocalDate day) {
        return Integer.parseInt(AcademicYear.containing(day).substring(0, 4)) >= RENEWED_FROM
                ? OfstedArea.Framework.RENEWED_2025 : OfstedArea.Framework.EIF_2019;
    }
}
