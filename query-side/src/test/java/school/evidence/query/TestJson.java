package school.evidence.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A read model as the JSON the API would send, for tests that check what a reply can and cannot contain. */
public final class TestJson {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
                                                               .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestJson() {
    }

    public static String of(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
