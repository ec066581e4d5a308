package school.evidence.query.operations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.platform.axon.LedgerAutoConfiguration;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which node holds each segment of a processor, from the token store every node claims through: with several
 * query-side nodes, the one doing a read model's work (Axon names a node by its process id and host).
 */
@Component
class ProcessorClaims {

    /** One segment: its number and the node holding it, or null while none does. */
    record Claim(int segment, String owner) {
    }

    private final MongoCollection<Document> tokens;

    ProcessorClaims(MongoDatabase database) {
        this.tokens = database.getCollection(LedgerAutoConfiguration.TRACKING_TOKENS);
    }

    List<Claim> of(String processor) {
        List<Claim> claims = new ArrayList<>();
        for (Document token : tokens.find(eq("processorName", processor)).sort(new Document("segment", 1))) {
            Number segment = (Number) token.get("segment");
            claims.add(new Claim(segment == null ? 0 : segment.intValue(), token.getString("owner")));
        }
        return claims;
    }

    /** "12345@node-a" for one segment; "0: 12345@node-a, 1: no node" for several; "no node" when unclaimed. */
    String heldBy(String processor) {
        List<Claim> claims = of(processor);
        if (claims.size() == 1) {
            return owner(claims.get(0));
        }
        return claims.isEmpty() ? "no node" : String.join(", ", claims.stream()
                .map(c -> c.segment() + ": " + owner(c)).toList());
    }

    private static String owner(Claim claim) {
        return claim.owner() == null ? "no node" : claim.owner();
    }
}
