package school.evidence.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.command.CommandSideApplication;
import school.evidence.query.QuerySideApplication;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distributed mode: command-side and query-side as two separate applications sharing one MongoDB (here the
 * embedded server listening on a port). Commands go to one, reads come from the other.
 */
class DistributedModeTest {

    private MongoServer mongo;
    private ConfigurableApplicationContext commandSide;
    private ConfigurableApplicationContext querySide;

    @AfterEach
    void stop() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void writesToTheCommandSideAreReadFromTheQuerySide() {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        String uri = "mongodb://127.0.0.1:" + address.getPort() + "/evidence";
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--server.port=0", "--spring.data.mongodb.uri=" + uri);
        Api commands = new Api("http://localhost:" + port(commandSide), "slt");
        Api reads = new Api("http://localhost:" + port(querySide), "slt");

        Scenario s = Scenario.upToTheLessonVisit(commands, "108520");
        assertThat(commands.post(s.ragPath(), s.green()).status()).isEqualTo(201);

        Api.Reply plan = reads.await("/api/plans/" + s.planId,
                                     r -> "GREEN".equals(r.body().path("actions").path(0).path("rag").asText()));
        assertThat(plan.body().path("actions").path(0).path("rag").asText()).isEqualTo("GREEN");
        assertThat(reads.await("/api/schools/108520/audit", r -> r.body().path("total").asInt() == 8)
                        .body().path("total").asInt()).isEqualTo(8);

        // each side serves only its own half of the API
        assertThat(commands.get("/api/plans/" + s.planId).status()).isIn(404, 405);
        assertThat(reads.post("/api/schools", "{\"urn\":\"100000\",\"name\":\"X\"}").status()).isIn(404, 405);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
