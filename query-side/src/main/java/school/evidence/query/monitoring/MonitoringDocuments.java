package school.evidence.query.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import school.evidence.kernel.monitoring.MonitoringDetails;

/** How monitoring details look in every read model: the recorded fields, as JSON, dates as yyyy-MM-dd. */
public final class MonitoringDocuments {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                                                               .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MonitoringDocuments() {
    }

    public static Document details(MonitoringDetails details) {
        try {
            Document doc = Document.parse(JSON.writeValueAsString(details));
            // the specifics part is flattened: only the one that belongs to the type is ever set
            Document specifics = doc.get("specifics", Document.class);
            doc.remove("specifics");
            if (specifics != null) {
                specifics.forEach((k, v) -> {
                    if (v != null) {
                        doc.append(k, v);
                    }
                });
            }
            return doc;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot render monitoring details", e);
        }
    }
}
