package school.evidence.query.school;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.school.SchoolRegistered;

import static com.mongodb.client.model.Filters.eq;

/** Each registered school's name by its URN, so pages name a school rather than show its number. */
@Component
@ProcessingGroup("school-names")
class SchoolNamesProjection {

    static final String COLLECTION = "school_names";
    private final MongoCollection<Document> names;

    SchoolNamesProjection(MongoDatabase database) {
        this.names = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(SchoolRegistered event) {
        names.replaceOne(eq("_id", event.urn()), new Document("_id", event.urn()).append("name", event.name()),
                         new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        names.deleteMany(new Document());
    }
}
