package school.evidence.query.school;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;

/** A school's name as registered; its URN when the name is not (yet) known to the read side. */
@Component
public class SchoolNames {

    private final MongoCollection<Document> names;

    SchoolNames(MongoDatabase database) {
        this.names = database.getCollection(SchoolNamesProjection.COLLECTION);
    }

    public String of(String urn) {
        Document found = names.find(eq("_id", urn)).first();
        return found == null ? "School " + urn : found.getString("name");
    }
}
