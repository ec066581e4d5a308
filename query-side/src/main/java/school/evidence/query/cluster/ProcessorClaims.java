package school.evidence.query.cluster;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.platform.axon.LedgerAutoConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which node holds each segment of a processor, from the token store every node claims through: with several
 * query-side nodes, the one doing a read model's work (Axon names a node by its process id and host).
 */
@Component
public class ProcessorClaims {

    /** One segment: its number and the node holding it, or null while none does. */
    public record Claim(int segment, String owner, Instant renewed) {
    }

    private final MongoCollection<Document> tokens;

    public ProcessorClaims(MongoDatabase database) {
        this.tokens = database.getCollection(LedgerAutoConfiguration.TRACKING_TOKENS);
    }

    public List<Claim> of(String processor) {
        List<Claim> claims = new ArrayList<>();
        for (Document token : tokens.find(eq("processorName", processor)).sort(new Document("segment", 1))) {
            Number segment = (Number) token.get("segment");
            claims.add(new Claim(segment == null ? 0 : segment.intValue(), token.getString("owner"),
                                 renewed(token.get("timestamp"))));
        }
        return claims;
    }

    /** "12345@node-a" for one segment; "0: 12345@node-a, 1: no node" for several; "no node" when unclaimed. */
    public String heldBy(String processor) {
        List<Claim> claims = of(processor);
        if (claims.size() == 1) {
            return owner(claims.get(0));
        }
        return claims.isEmpty() ? "no node" : String.join(", ", claims.stream()
                .map(c -> c.segment() + ": " + owner(c)).toList());
    }

    /** Whether a node other than {@code node} holds a segment of the processor and renewed it within the timeout. */
    public boolean heldElsewhere(String processor, String node, Duration timeout) {
        Instant lapsed = Instant.now().minus(timeout);
        return of(processor).stream().anyMatch(c -> c.owner() != null && !c.owner().equals(node)
                                                    && (c.renewed() == null || c.renewed().isAfter(lapsed)));
    }

    /** Axon's Mongo token store keeps the claim's time as epoch milliseconds. */
    private static Instant renewed(Object timestamp) {
        if (timestamp instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        return timestamp instanceof java.util.Date date ? date.toInstant() : null;
    }

    private static String owner(Claim claim) {
        return claim.owner() == null ? "no node" : claim.owner();
    }
}
