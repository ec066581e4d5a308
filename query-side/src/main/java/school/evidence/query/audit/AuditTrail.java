package school.evidence.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import school.evidence.query.Paging;
import school.evidence.query.ReadModels;

import java.util.ArrayList;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a school's or an organisation's audit trail, oldest first. */
@Component
class AuditTrail {

    private final MongoCollection<Document> entries;

    AuditTrail(MongoDatabase database) {
        this.entries = database.getCollection(AuditTrailProjection.COLLECTION);
    }

    Paging<AuditEntry> page(String urn, int page, int size) {
        return page(eq(SCHOOL_URN, urn), page, size);
    }

    /** The organisation's own records and the schools' records made for it. */
    Paging<AuditEntry> pageOfTrust(String trustId, int page, int size) {
        return page(eq(AuditTrailProjection.TRUST_ID, trustId), page, size);
    }

    private Paging<AuditEntry> page(Bson filter, int page, int size) {
        long total = entries.countDocuments(filter);
        var items = entries.find(filter).sort(Sorts.ascending("recordedAt", "_id"))
                           .skip(page * size).limit(size).into(new ArrayList<>());
        return new Paging<>(total, page, size, ReadModels.list(items, AuditEntry.class));
    }
}
