package school.evidence.standalone;

import de.bwaldvogel.mongo.MongoBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.store.DurableH2Backend;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When H2 has closed the store file (it does after an error it cannot recover from, such as running out of heap
 * mid-write), every request would fail until a restart: the liveness and readiness probes go down, so an
 * orchestrator restarts the service instead of leaving it running broken.
 */
class EmbeddedStoreHealthTest {

    @Test
    void aStoreClosedByH2TakesTheServiceOutOfLivenessAndReadiness(@TempDir Path data) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0", "--spring.application.name=store-health", "--evidence.demo.enabled=true",
                "--evidence.store.data-dir=" + data)) {
            Api anyone = new Api("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort(),
                                 "slt");
            assertThat(anyone.getAnonymously("/actuator/health/liveness").status()).isEqualTo(200);
            Api.Reply ready = anyone.await("/actuator/health/readiness", r -> r.status() == 200);
            assertThat(ready.status()).as(ready.raw().body()).isEqualTo(200);

            ((DurableH2Backend) app.getBean(MongoBackend.class)).getMvStore().closeImmediately();

            Api.Reply liveness = anyone.getAnonymously("/actuator/health/liveness");
            assertThat(liveness.status()).as(liveness.raw().body()).isEqualTo(503);
            assertThat(liveness.text("status")).isEqualTo("DOWN");
            assertThat(anyone.getAnonymously("/actuator/health/readiness").status()).isEqualTo(503);
        }
    }
}
