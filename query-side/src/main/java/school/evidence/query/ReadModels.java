package school.evidence.query;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * Reads a stored read-model document as the typed record the API answers with. Strict: a stored field the record does
 * not name fails the read (so a projection cannot grow a field the HTTP contract silently drops); the storage keys
 * {@code _id} and {@code seq} are the only ones left behind.
 */
public final class ReadModels {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final List<String> STORAGE_KEYS = List.of("_id", "seq");

    private ReadModels() {
    }

    public static <T> T as(Map<String, ?> document, Class<T> type) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(document);
        STORAGE_KEYS.forEach(fields::remove);
        return JSON.convertValue(fields, type);
    }

    public static <T> List<T> list(List<? extends Map<String, ?>> documents, Class<T> type) {
        return documents.stream().map(d -> as(d, type)).toList();
    }

    /** A record back as a document, for the few views still assembled from read models (the evidence pack). */
    public static Document document(Object record) {
        return new Document(JSON.convertValue(record, Map.class));
    }
}
