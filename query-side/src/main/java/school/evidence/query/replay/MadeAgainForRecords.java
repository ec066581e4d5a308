package school.evidence.query.replay;

import com.mongodb.client.MongoDatabase;
import org.bson.conversions.Bson;

import java.util.Map;
import java.util.Set;

/**
 * A read model an erasure makes again for the records it touched alone, not for the whole school: the cost is the
 * person's records, not the school's history. Its projection says which records' events make those documents whole
 * and which documents they are; a read model that does not say so is made again for the whole school
 * ({@link SchoolReplay}). Every collection the projection owns must be named.
 */
public interface MadeAgainForRecords {

    /** Some documents of a collection: those matching {@code filter} in the live read model and in the shadow alike,
     * or, {@code inShadow}, those matching it in the shadow (a filter no live index serves) and the same ids live. */
    record Documents(Bson filter, boolean inShadow) {
        public static Documents matching(Bson filter) {
            return new Documents(filter, false);
        }

        public static Documents foundInShadow(Bson filter) {
            return new Documents(filter, true);
        }
    }

    /**
     * The records whose events make whole every document the touched records' events wrote: those, and any other
     * that such a document names (a later visit that checked one of their next steps, say), read from {@code live}.
     */
    default Set<String> feeding(Touched touched, MongoDatabase live) {
        return touched.records();
    }

    /** Per collection it owns, the documents the touched records' events wrote, which are made again. */
    Map<String, Documents> written(Touched touched, MongoDatabase live);
}
