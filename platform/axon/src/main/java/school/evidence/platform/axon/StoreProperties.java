package school.evidence.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import java.time.Duration;

/**
 * {@code evidence.store.*}: how the ledger is read and written, and how readers wait for late commits (the embedded
 * store's own settings under the same prefix are in the embedded-store module).
 *
 * @param fetchDelay    how often a node polls the ledger for events other processes wrote. Unset: 100 ms on a
 *                      MongoDB server others may write to, 10 s on the embedded store, whose only writer is this
 *                      process (its own appends wake the readers at once, so polling there only burns CPU when idle)
 * @param gapTimeout    how long readers wait for an event whose global index was reserved but not yet written
 * @param writeDeadline an append not sent within this time after reserving its index is abandoned
 * @param unreachableAfter how long a request waits for an unreachable database before it is answered 503 (unless
 *                         the connection string sets {@code serverSelectionTimeoutMS})
 * @param electionWait  on a replica set (a connection string naming a {@code replicaSet} or several hosts), how long a
 *                      request waits for a primary instead: an election takes about 12 s, and a write that rides it out
 *                      is done once rather than answered "outcome unknown"
 * @param readBatch     events a processor reading behind the others fetches from the ledger at a time
 * @param cachedEvents  recent events kept in memory for the processors that are up to date (Axon's shared tail).
 *                      Both are small by default: with 1,000 and Axon's 10,000, 13 processors catching up held
 *                      enough events to be promoted by every young collection (37% of a catch-up in GC pauses)
 */
@ConfigurationProperties("evidence.store")
public record StoreProperties(Duration fetchDelay,
                              @DefaultValue("60s") Duration gapTimeout,
                              @DefaultValue("10s") Duration writeDeadline,
                              @DefaultValue("5s") Duration unreachableAfter,
                              @DefaultValue("15s") Duration electionWait,
                              @DefaultValue("100") int readBatch,
                              @DefaultValue("1000") int cachedEvents) {

    public StoreProperties {
        if (readBatch < 1 || cachedEvents < 1) {
            throw new IllegalArgumentException("evidence.store.read-batch and cached-events must be at least 1");
        }
        // a write sent at its deadline may wait for a server, fail and be retried once by the driver before it
        // lands; readers must still be waiting for it then
        Duration latestLanding = latestLanding(writeDeadline, unreachableAfter, electionWait);
        if (gapTimeout.compareTo(latestLanding) <= 0) {
            throw new IllegalArgumentException(
                    "evidence.store.gap-timeout (" + gapTimeout + ") must be longer than write-deadline plus twice "
                            + "the longer of unreachable-after and election-wait (" + latestLanding
                            + "), or readers would give up positions whose events are still landing");
        }
    }

    /** How often to poll the ledger: as set, or by whether another process can write to it. */
    public Duration pollEvery(boolean soleWriter) {
        if (fetchDelay != null) {
            return fetchDelay;
        }
        return soleWriter ? Duration.ofSeconds(10) : Duration.ofMillis(100);
    }

    /** The latest an event can land after its position was reserved: sent at the deadline, waited for, retried once. */
    public Duration latestLanding() {
        return latestLanding(writeDeadline, unreachableAfter, electionWait);
    }

    private static Duration latestLanding(Duration deadline, Duration unreachable, Duration election) {
        Duration wait = unreachable.compareTo(election) >= 0 ? unreachable : election;
        return deadline.plus(wait.multipliedBy(2));
    }

    /** How long a request waits for a server: through an election on a replica set. */
    public Duration serverWait(boolean replicaSet) {
        return replicaSet && electionWait.compareTo(unreachableAfter) > 0 ? electionWait : unreachableAfter;
    }
}
