package school.evidence.platform.proof;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import school.evidence.ledger.merkle.Receipt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every acknowledged write carries the ledger's signed {@link Receipt} for each event it stored: in the JSON reply as
 * {@code receipts}, and, when it stored one event, also in the {@code Evidence-Receipt} header (base64url JSON). The
 * ledger engine hands over what it stored on the request's own thread ({@link #collect}); the receipts are signed as
 * the reply is written, and only for a 2xx reply.
 */
@ControllerAdvice
public class WriteReceipts implements ResponseBodyAdvice<Object> {

    public static final String HEADER = "Evidence-Receipt";
    static final String APPENDED = WriteReceipts.class.getName() + ".appended";

    private final SigningKey key;
    private final ObjectMapper json;

    public WriteReceipts(SigningKey key, ObjectMapper json) {
        this.key = key;
        this.json = json;
    }

    /** The engine's append listener: remembers what this request stored (nothing outside a request). */
    @SuppressWarnings("unchecked")
    public static void collect(List<Document> stored) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        Object seen = request.getAttribute(APPENDED, RequestAttributes.SCOPE_REQUEST);
        List<Document> appended = seen instanceof List<?> list ? (List<Document>) list : new ArrayList<>();
        appended.addAll(stored);
        request.setAttribute(APPENDED, appended, RequestAttributes.SCOPE_REQUEST);
    }

    /** The highest ledger position this request stored, if it stored anything (a page's form, after its command). */
    public static java.util.OptionalLong lastPositionStored() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !(request.getAttribute(APPENDED, RequestAttributes.SCOPE_REQUEST) instanceof List<?> seen)) {
            return java.util.OptionalLong.empty();
        }
        return seen.stream().mapToLong(stored -> school.evidence.ledger.LedgerReader.positionOf((Document) stored)).max();
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet)
                || !(servlet.getServletRequest().getAttribute(APPENDED) instanceof List<?> appended)
                || appended.isEmpty()
                || !(response instanceof ServletServerHttpResponse reply)
                || reply.getServletResponse().getStatus() / 100 != 2) {
            return body;
        }
        List<Receipt> receipts = appended.stream()
                .map(stored -> Receipt.of((Document) stored, key.keyId(), key.signing())).toList();
        if (receipts.size() == 1) {
            response.getHeaders().set(HEADER, Base64.getUrlEncoder().withoutPadding().encodeToString(
                    jsonOf(receipts.get(0)).getBytes(StandardCharsets.UTF_8)));
        }
        Map<String, Object> withReceipts = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> withReceipts.put(String.valueOf(k), v));
        } else if (body != null && MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            withReceipts.putAll(json.convertValue(body, Map.class));
        } else {
            return body;
        }
        withReceipts.put("receipts", receipts);
        return new Reply(withReceipts);
    }

    private String jsonOf(Receipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A receipt could not be written as JSON", e);
        }
    }

    /**
     * The reply with its receipts, written as the map it holds. Not itself a map: the converter would otherwise write
     * it with the controller's declared type ({@code Map<String, String>}), which has no room for a list.
     */
    record Reply(@JsonValue Map<String, Object> fields) {
    }
}
