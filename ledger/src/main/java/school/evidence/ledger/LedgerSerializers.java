package school.evidence.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/** The one JSON serializer used for events, snapshots, tokens and sagas (never XStream). */
public final class LedgerSerializers {

    private LedgerSerializers() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // old events must stay readable when a later version adds a field
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Events and snapshots: plain JSON of the records, readable by any consumer of the ledger. */
    public static JacksonSerializer events() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }

    /** Tokens and sagas: polymorphic framework types (a replay token wraps another token) need type info. */
    public static JacksonSerializer framework() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).defaultTyping().build();
    }
}
