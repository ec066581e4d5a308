package school.evidence.query.trust;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/** A trust's name and its schools, as the trusts read model has them, for other features' views across schools. */
@Component
public class TrustDirectory {

    private final MongoDatabase database;

    public TrustDirectory(MongoDatabase database) {
        this.database = database;
    }

    /** The trust's schools (URNs), in the order they joined; empty for no such trust. */
    public List<String> schoolsOf(String trustId) {
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        return trust == null ? List.of()
                : trust.getList("schools", Document.class).stream().map(s -> s.getString("urn")).toList();
    }

    /** The schools that had joined (as recorded) by the instant, in the order they joined. */
    public List<String> schoolsOf(String trustId, java.time.Instant asOf) {
        String at = school.evidence.query.RecordedAt.format(asOf);
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        return trust == null ? List.of()
                : trust.getList("schools", Document.class).stream()
                       .filter(s -> s.getString("joinedRecordedAt") == null
                               || s.getString("joinedRecordedAt").compareTo(at) <= 0)
                       .map(s -> s.getString("urn")).toList();
    }

    /** What the organisation is, in the school's words: "trust" or "local authority" (for pages' headings). */
    public String wordFor(String trustId) {
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        return trust != null && "LOCAL_AUTHORITY".equals(kindOf(trust)) ? "local authority" : "trust";
    }

    /** {@code TRUST} or {@code LOCAL_AUTHORITY}; organisations recorded before kinds were kept are trusts. */
    static String kindOf(Document trust) {
        return trust.getString("kind") == null ? "TRUST" : trust.getString("kind");
    }

    public String nameOf(String trustId) {
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        return trust == null ? trustId : trust.getString("name");
    }
}
