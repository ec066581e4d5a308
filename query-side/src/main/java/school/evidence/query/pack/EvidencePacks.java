package school.evidence.query.pack;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.ledger.LedgerReader;
import school.evidence.query.pack.EvidencePackController.Format;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Builds a school's evidence pack and renders it as the JSON, HTML or PDF file an inspector is given. */
@Component
class EvidencePacks {

    private final MongoDatabase database;
    private final LedgerReader ledger;

    EvidencePacks(MongoDatabase database, LedgerReader ledger) {
        this.database = database;
        this.ledger = ledger;
    }

    byte[] render(String urn, LocalDate from, LocalDate to, OfstedArea.Framework framework, Format format) {
        Document pack = new EvidencePackBuilder(database, ledger).build(urn, from, to, framework);
        return switch (format) {
            case JSON -> pack.toJson().getBytes(StandardCharsets.UTF_8);
            case HTML -> PackHtml.render(pack).getBytes(StandardCharsets.UTF_8);
            case PDF -> PackPdf.render(pack);
        };
    }
}
