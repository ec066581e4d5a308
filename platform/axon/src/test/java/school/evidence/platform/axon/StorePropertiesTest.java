package school.evidence.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorePropertiesTest {

    private static StoreProperties store(int gapSeconds, int deadlineSeconds, int unreachableSeconds) {
        return new StoreProperties(Duration.ofMillis(100), Duration.ofSeconds(gapSeconds), Duration.ofSeconds(deadlineSeconds),
                                   Duration.ofSeconds(unreachableSeconds), Duration.ofSeconds(unreachableSeconds),
                                   1000, 10_000);
    }

    @Test
    void refusesAGapTimeoutThatAWriteStillLandingCouldOutlast() {
        // sent at 10 s, waits 5 s for a server, fails, the driver's retry waits 5 s more: it may land at 20 s
        assertThatThrownBy(() -> store(20, 10, 5)).isInstanceOf(IllegalArgumentException.class)
                                                  .hasMessageContaining("gap-timeout");
        assertThatCode(() -> store(60, 10, 5)).doesNotThrowAnyException();
        assertThatCode(() -> store(5, 2, 1)).doesNotThrowAnyException();
    }

    /** An election takes about 12 s: on a replica set a request waits it out rather than failing after 5 s. */
    @Test
    void onAReplicaSetARequestWaitsThroughAnElection() {
        StoreProperties store = new StoreProperties(Duration.ofMillis(100), Duration.ofSeconds(60),
                                                    Duration.ofSeconds(10), Duration.ofSeconds(5),
                                                    Duration.ofSeconds(15), 1000, 10_000);
        assertThat(store.serverWait(false)).isEqualTo(Duration.ofSeconds(5));
        assertThat(store.serverWait(true)).isEqualTo(Duration.ofSeconds(15));
        assertThat(store.latestLanding()).isEqualTo(Duration.ofSeconds(40));
        // a gap timeout an election-length wait could outlast is refused
        assertThatThrownBy(() -> new StoreProperties(Duration.ofMillis(100), Duration.ofSeconds(30),
                                                     Duration.ofSeconds(10), Duration.ofSeconds(5),
                                                     Duration.ofSeconds(15), 1000, 10_000))
                .hasMessageContaining("election-wait");
    }

    /** Polling finds only what other processes wrote: the embedded store has none, so it polls rarely unless told. */
    @Test
    void pollsOftenOnlyWhereAnotherProcessCanWrite() {
        StoreProperties unset = new StoreProperties(null, Duration.ofSeconds(60), Duration.ofSeconds(10),
                                                    Duration.ofSeconds(5), Duration.ofSeconds(15), 1000, 10_000);
        assertThat(unset.pollEvery(false)).isEqualTo(Duration.ofMillis(100));
        assertThat(unset.pollEvery(true)).isEqualTo(Duration.ofSeconds(10));
        assertThat(store(60, 10, 5).pollEvery(true)).isEqualTo(Duration.ofMillis(100));
    }
}
