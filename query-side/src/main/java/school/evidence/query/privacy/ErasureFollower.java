package school.evidence.query.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import school.evidence.query.replay.ProjectionRebuild;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When an erasure cannot be made good in place ({@link ErasureInPlace}: its replay failed, or, with several segments,
 * the trust read models it then leaves), every read model it names is rebuilt from the ledger, where the erased
 * fields now read "[erased]", and swapped in: no copy of the person's data survives in a projection. Several asked
 * close together start one rebuild.
 */
@Component
class ErasureFollower {

    private static final Logger log = LoggerFactory.getLogger(ErasureFollower.class);
    private final ProjectionRebuild rebuild;
    private final AtomicReference<Instant> pending = new AtomicReference<>();
    /** The read models to rebuild, or empty for every one. */
    private final Set<String> only = ConcurrentHashMap.newKeySet();
    private volatile boolean all;

    ErasureFollower(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Asks for these read models (null: every one) to be rebuilt within the next check. */
    void rebuildSoon(Collection<String> groups) {
        if (groups == null) {
            all = true;
        } else {
            only.addAll(groups);
        }
        pending.set(Instant.now());
    }

    @Scheduled(fixedDelayString = "${evidence.privacy.rebuild-check:PT1S}")
    void rebuildIfErased() {
        Instant asked = pending.getAndSet(null);
        if (asked == null) {
            return;
        }
        List<String> groups = all ? rebuild.groups() : List.copyOf(only);
        all = false;
        only.removeAll(groups);
        log.info("Rebuilding {} after an erasure asked at {}", groups, asked);
        // together: one read of the ledger and one stop of their processor; one read model that cannot be rebuilt
        // does not leave the others holding erased data
        for (ProjectionRebuild.Result result : rebuild.rebuildTogether(groups)) {
            if (!result.swapped()) {
                log.error("Could not rebuild {} after an erasure: rebuild it by hand once fixed", result.group());
            }
        }
        log.info("Read models rebuilt after erasure");
    }
}
