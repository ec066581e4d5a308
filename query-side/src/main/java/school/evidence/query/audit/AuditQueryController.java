package school.evidence.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.query.Paging;

import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

@RestController
@Tag(name = "Audit")
class AuditQueryController {

    private final MongoCollection<Document> entries;

    AuditQueryController(MongoDatabase database) {
        this.entries = database.getCollection(AuditTrailProjection.COLLECTION);
    }

    /** A school's audit trail, oldest first, paged ({@code page} from 0, {@code size} up to 500). */
    @GetMapping("/api/schools/{urn}/audit")
    Paging<Document> audit(@PathVariable String urn,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        long total = entries.countDocuments(eq("schoolUrn", urn));
        List<Document> items = entries.find(eq("schoolUrn", urn))
                                      .sort(Sorts.ascending("recordedAt", "_id"))
                                      .skip(page * size).limit(size)
                                      .into(new ArrayList<>());
        items.forEach(d -> d.remove("_id"));
        return new Paging<>(total, page, size, items);
    }
}
