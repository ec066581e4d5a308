package school.evidence.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.query.EmbeddedMongo;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A school's documents made again after an erasure replace its live ones, and no other school's. */
class ShadowCopiesTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private final MongoDatabase live = MONGO.freshDatabase();
    private final MongoDatabase shadow = MONGO.freshDatabase();

    @Test
    void theSchoolsDocumentsBecomeTheShadowsAndOtherSchoolsAreLeftAlone() {
        MongoCollection<Document> visits = live.getCollection("visits");
        visits.insertMany(List.of(visit("a1", "100", "Modelled by Ottilie Brannagh"), visit("a2", "100", "Pace"),
                                  visit("a3", "100", "Retracted since"), visit("b1", "200", "Ottilie Brannagh visited")));
        shadow.getCollection("visits").insertMany(List.of(visit("a1", "100", "[erased]"), visit("a2", "100", "Pace"),
                                                          visit("a4", "100", "Kept only in the ledger until now")));

        int held = ShadowCopies.replaceLive(shadow.getCollection("visits"), visits, eq("schoolUrn", "100"));

        assertThat(held).isEqualTo(3);
        assertThat(visits.find(eq("schoolUrn", "100")).into(new ArrayList<>()))
                .containsExactlyInAnyOrderElementsOf(shadow.getCollection("visits").find().into(new ArrayList<>()));
        assertThat(visits.find(eq("_id", "b1")).first().getString("note")).contains("Brannagh");
    }

    @Test
    void aWholeCopyReplacesEveryDocument() {
        MongoCollection<Document> trusts = live.getCollection("trusts");
        trusts.insertMany(List.of(visit("t1", null, "Ottilie Brannagh's plan"), visit("t2", null, "gone")));
        shadow.getCollection("trusts").insertOne(visit("t1", null, "[erased]'s plan"));

        ShadowCopies.replaceLive(shadow.getCollection("trusts"), trusts);

        assertThat(trusts.find().into(new ArrayList<>())).containsExactly(visit("t1", null, "[erased]'s plan"));
    }

    private static Document visit(String id, String school, String note) {
        return new Document("_id", id).append("schoolUrn", school).append("note", note);
    }
}
