package school.evidence.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every reply: each route's success response has a schema, and every schema it
 * names has its properties (no untyped storage documents). A client generated from it knows every field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "evidence.store.in-memory=true")
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void everySuccessfulReplyOfEveryRouteHasATypedSchema() {
        JsonNode docs = new Api("http://localhost:" + port, "slt").getAnonymously("/v3/api-docs").body();
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : docs.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                String route = operation.getKey().toUpperCase() + " " + path.getKey();
                List<String> successes = new ArrayList<>();
                operation.getValue().path("responses").fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2")) {
                        successes.add(code);
                    }
                });
                if (successes.isEmpty()) {
                    missing.add(route + ": no success response");
                }
                for (String code : successes) {
                    JsonNode content = operation.getValue().path("responses").path(code).path("content");
                    if (code.equals("204")) {
                        continue; // no content, by definition
                    }
                    if (content.isEmpty()) {
                        missing.add(route + " " + code + ": no content");
                        continue;
                    }
                    content.properties().forEach(media -> untyped(media.getValue().path("schema"), schemas)
                            .forEach(why -> missing.add(route + " " + code + " " + media.getKey() + ": " + why)));
                }
            }
        }
        assertThat(operations).as("routes documented").isGreaterThan(60);
        assertThat(missing).isEmpty();
    }

    /** Why a schema does not describe its fields: a storage document, or an object without properties. */
    private static List<String> untyped(JsonNode schema, JsonNode schemas) {
        List<String> why = new ArrayList<>();
        if (schema.isMissingNode()) {
            why.add("no schema");
            return why;
        }
        JsonNode items = schema.path("items");
        JsonNode target = items.isMissingNode() ? schema : items;
        if (target.has("$ref")) {
            String name = target.path("$ref").asText().substring("#/components/schemas/".length());
            JsonNode named = schemas.path(name);
            if (name.equals("Document") || name.startsWith("Paging") && name.endsWith("Document")) {
                why.add("a storage document (" + name + ")");
            } else if (!named.has("properties")) {
                why.add(name + " has no properties");
            }
        } else if ("object".equals(target.path("type").asText()) && !target.has("properties")
                && target.path("additionalProperties").isEmpty()) {
            why.add("an object without properties"); // a map keyed by name is fine when its values are typed
        }
        return why;
    }
}
