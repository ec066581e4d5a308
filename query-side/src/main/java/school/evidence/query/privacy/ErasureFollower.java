package school.evidence.query.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import school.evidence.kernel.privacy.PrivacyEvents.DataSubjectErased;
import school.evidence.kernel.privacy.PrivacyEvents.OrganisationSubjectErased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.query.replay.ProjectionRebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * After an erasure (or a record shredded by the retention job) every read model is rebuilt from the ledger, where the erased fields now read "[erased]", and
 * swapped in: no copy of the person's data survives in a projection. Erasures seen while catching up on old history
 * (already reflected in the read models) do not start a rebuild; several close together start one.
 */
@Component
@ProcessingGroup("erasures")
class ErasureFollower {

    private static final Logger log = LoggerFactory.getLogger(ErasureFollower.class);
    private final ProjectionRebuild rebuild;
    private final AtomicReference<Instant> pending = new AtomicReference<>();

    private final SubjectKeys keys;

    ErasureFollower(ProjectionRebuild rebuild, SubjectKeys keys) {
        this.rebuild = rebuild;
        this.keys = keys;
    }

    @EventHandler
    void on(DataSubjectErased event, EventMessage<?> message) {
        rebuildSoon(message);
    }

    @EventHandler
    void on(OrganisationSubjectErased event, EventMessage<?> message) {
        rebuildSoon(message);
    }

    /**
     * Shredding at the end of a retention period is the same, for one record's key. The job destroys the key just
     * after recording the event; destroying it here too (it is idempotent) means no rebuild this starts can read it.
     */
    @EventHandler
    void on(RecordShredded event, EventMessage<?> message) {
        keys.erase(SubjectKeys.record(event.recordId()));
        rebuildSoon(message);
    }

    private void rebuildSoon(EventMessage<?> message) {
        if (message.getTimestamp().isAfter(Instant.now().minus(Duration.ofHours(1)))) {
            pending.set(message.getTimestamp());
        }
    }

    @Scheduled(fixedDelayString = "${evidence.privacy.rebuild-check:PT1S}")
    void rebuildIfErased() {
        Instant asked = pending.getAndSet(null);
        if (asked == null) {
            return;
        }
        log.info("Rebuilding every read model after an erasure or shredding recorded at {}", asked);
        // together: one read of the ledger and one stop of their processor; one read model that cannot be rebuilt
        // does not leave the others holding erased data
        for (ProjectionRebuild.Result result : rebuild.rebuildTogether(rebuild.groups())) {
            if (!result.swapped()) {
                log.error("Could not rebuild {} after an erasure: rebuild it by hand once fixed", result.group());
            }
        }
        log.info("Read models rebuilt after erasure");
    }
}
