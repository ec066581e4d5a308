package school.evidence.platform.axon;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;

/**
 * How far each segment of a processor has got, as its node last stored it, read without claiming anything: a page
 * waiting for a write to show needs the positions of segments other query-side nodes hold too.
 */
public class TokenPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    public TokenPositions(MongoDatabase database, Serializer serializer) {
        this.tokens = database.getCollection(LedgerAutoConfiguration.TRACKING_TOKENS);
        this.serializer = serializer;
    }

    /** Segment to position; a segment with no position yet (it has handled nothing) at -1. */
    public Map<Integer, Long> of(String processor) {
        Map<Integer, Long> positions = new TreeMap<>();
        for (Document token : tokens.find(eq("processorName", processor))) {
            Number segment = (Number) token.get("segment");
            positions.put(segment == null ? 0 : segment.intValue(), position(token));
        }
        return positions;
    }

    /** Segment to stored token (absent: the segment has handled nothing yet). */
    public Map<Integer, TrackingToken> tokens(String processor) {
        Map<Integer, TrackingToken> stored = new TreeMap<>();
        for (Document token : tokens.find(eq("processorName", processor))) {
            Number segment = (Number) token.get("segment");
            TrackingToken tracking = token(token);
            if (tracking != null) {
                stored.put(segment == null ? 0 : segment.intValue(), tracking);
            }
        }
        return stored;
    }

    private long position(Document token) {
        TrackingToken tracking = token(token);
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    private TrackingToken token(Document token) {
        Object data = token.get("token");
        byte[] bytes = data instanceof Binary binary ? binary.getData() : data instanceof byte[] b ? b : null;
        if (bytes == null || token.getString("tokenType") == null) {
            return null;
        }
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(bytes, byte[].class,
                                                                          token.getString("tokenType"), null);
        return serializer.deserialize(serialized);
    }
}
