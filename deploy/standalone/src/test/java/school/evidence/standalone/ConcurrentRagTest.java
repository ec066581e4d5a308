package school.evidence.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Two leaders judge the same plan from the same version at the same moment: one wins, one is told to reload. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "evidence.store.in-memory=true")
class ConcurrentRagTest {

    @LocalServerPort
    int port;

    @Test
    void exactlyOneOfTwoJudgementsWithTheSameIfMatchSucceeds() throws Exception {
        Api slt = new Api("http://localhost:" + port, "slt");
        Scenario s = Scenario.upToTheLessonVisit(slt, "300000");
        String etag = slt.await("/api/plans/" + s.planId, r -> "\"4\"".equals(r.header("ETag"))).header("ETag");
        assertThat(etag).isEqualTo("\"4\"");

        for (int round = 0; round < 5; round++) {
            String version = String.valueOf(4 + round);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> racers = new ArrayList<>();
            for (String status : List.of("GREEN", "AMBER")) {
                racers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return slt.post(s.ragPath(), s.green().replace("GREEN", status),
                                    "If-Match", "\"" + version + "\"").status();
                }));
            }
            go.countDown();
            List<Integer> statuses = racers.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(201, 409);
        }
        // a stale version is refused even without a race, and nothing was written by the losers
        assertThat(slt.post(s.ragPath(), s.green(), "If-Match", "\"4\"").status()).isEqualTo(409);
        assertThat(slt.await("/api/schools/300000/audit", r -> r.body().path("total").asInt() == 12)
                      .body().path("total").asInt()).isEqualTo(12);
    }
}
