package school.evidence.standalone;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of this module (junit-platform.properties orders classes by {@link Order}):
 * every query shape the services sent during the whole suite is served by an index on real MongoDB, so a new
 * unindexed query fails the build here, without a real MongoDB. Writes the shapes seen to target/query-shapes.txt.
 */
@Order(Integer.MAX_VALUE)
class QueryShapesTest {

    @Test
    void everyQueryTheServicesSentIsServedByAnIndex() throws Exception {
        Map<String, String> findings = QueryShapes.RECORDER.findings();
        Files.writeString(Path.of("target/query-shapes.txt"), QueryShapes.RECORDER.byCollection().values().stream()
                .flatMap(java.util.List::stream).collect(Collectors.joining("\n")) + "\n\nFINDINGS\n"
                + findings.entrySet().stream().map(e -> e.getKey() + "\n    " + e.getValue())
                          .collect(Collectors.joining("\n")));
        System.out.printf("query shapes: %d seen, %d not served by an index%n", QueryShapes.RECORDER.shapesSeen(),
                          findings.size());
        assertThat(QueryShapes.RECORDER.shapesSeen()).as("shapes recorded by the suite before this class").isPositive();
        assertThat(findings).as("query shapes no index serves (target/query-shapes.txt)").isEmpty();
    }
}
