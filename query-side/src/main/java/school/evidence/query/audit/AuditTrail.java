package school.evidence.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.query.Paging;
import school.evidence.query.ReadModels;

import java.util.ArrayList;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a school's audit trail, oldest first. */
@Component
class AuditTrail {

    private final MongoCollection<Document> entries;

    AuditTrail(MongoDatabase database) {
        this.entries = database.getCollection(AuditTrailProjection.COLLECTION);
    }

    Paging<AuditEntry> page(String urn, int page, int size) {
        long total = entries.countDocuments(eq(SCHOOL_URN, urn));
        var items = entries.find(eq(SCHOOL_URN, urn)).sort(Sorts.ascending("recordedAt", "_id"))
                           .skip(page * size).limit(size).into(new ArrayList<>());
        return new Paging<>(total, page, size, ReadModels.list(items, AuditEntry.class));
    }
}
