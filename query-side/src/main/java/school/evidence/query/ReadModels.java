package school.evidence.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a stored read-model document as the typed record the API answers with. A stored field the record does not
 * name is a projection that grew a field the HTTP contract would silently drop: under test (system property
 * {@code evidence.read-models.strict=true}, set for every module's tests) it fails the read; in service it is left
 * out and logged once, so a store written by an older version still answers. The storage keys {@code _id} and
 * {@code seq} are always left behind.
 */
public final class ReadModels {

    /** The field every read model names its school by, in the same spelling as the events. */
    public static final String SCHOOL_URN = "schoolUrn";


    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    private static final boolean STRICT = Boolean.getBoolean("evidence.read-models.strict");
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final List<String> STORAGE_KEYS = List.of("_id", "seq");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addHandler(new DeserializationProblemHandler() {
                @Override
                public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                                     JsonDeserializer<?> deserializer, Object bean, String field)
                        throws IOException {
                    String where = deserializer.handledType().getName() + "." + field;
                    if (STRICT) {
                        return false; // reported as an unknown property
                    }
                    if (REPORTED.add(where)) {
                        log.warn("Read model field {} is not part of the API's reply; it is left out", where);
                    }
                    parser.skipChildren();
                    return true;
                }
            })
            .build();

    private ReadModels() {
    }

    public static <T> T as(Map<String, ?> document, Class<T> type) {
        Map<String, Object> fields = new LinkedHashMap<>(document);
        STORAGE_KEYS.forEach(fields::remove);
        return JSON.convertValue(fields, type);
    }

    public static <T> List<T> list(List<? extends Map<String, ?>> documents, Class<T> type) {
        return documents.stream().map(d -> as(d, type)).toList();
    }
}
