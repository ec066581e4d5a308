package school.evidence.query.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.springframework.stereotype.Component;
import school.evidence.kernel.privacy.PrivacyEvents.DataSubjectErased;
import school.evidence.kernel.privacy.PrivacyEvents.OrganisationSubjectErased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.query.ReadModelProcessors;
import school.evidence.query.cluster.ProcessorSettings;
import school.evidence.query.replay.SchoolReplay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a read models' processor reaches an erasure at a school (or a record shredded at the end of its retention, or
 * an erasure from organisations' own records), the read models it feeds are made again in place for what it reached
 * ({@link SchoolReplay}), before it goes on to the next event: once the processors have handled the erasure, no read model holds what it erased. One of these runs on
 * each shared processor. If the replay fails, every read model is rebuilt instead ({@link ErasureFollower}) and the
 * erasure is parked with this group's dead letters for an operator to see.
 */
abstract class ErasureInPlace {

    /** A school with years of records takes longer than Axon's 30 s for a handler (the processor's batch: the YAML). */
    private static final int HOUR = 3_600_000;
    private static final int MINUTE = 60_000;

    private final String processor;
    private final SchoolReplay replay;
    private final SubjectKeys keys;
    private final ErasureFollower follower;
    private final ProcessorSettings settings;

    ErasureInPlace(String processor, SchoolReplay replay, SubjectKeys keys, ErasureFollower follower,
                   ProcessorSettings settings) {
        this.processor = processor;
        this.replay = replay;
        this.keys = keys;
        this.follower = follower;
        this.settings = settings;
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = HOUR, warningThresholdMs = MINUTE, warningIntervalMs = MINUTE)
    void on(DataSubjectErased event, EventMessage<?> message) {
        List<String> destroyed = new ArrayList<>(event.recordKeyIds());
        if (event.subjectKeyId() != null) {
            destroyed.add(event.subjectKeyId());
        }
        keys.forget(destroyed); // destroyed by the node that took the erasure; this one may still hold copies
        makeAgain(event.schoolUrn(), message, new SchoolReplay.Erased(Set.copyOf(destroyed), Set.of()));
    }

    /** A person erased from organisations' own records (their plans): those records made again, in place too. */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = HOUR, warningThresholdMs = MINUTE, warningIntervalMs = MINUTE)
    void on(OrganisationSubjectErased event, EventMessage<?> message) {
        Set<String> destroyed = new java.util.HashSet<>(event.subjectKeyIds());
        destroyed.addAll(event.recordKeyIds());
        keys.forget(destroyed);
        makeAgain(null, message, new SchoolReplay.Erased(destroyed, Set.of()));
    }

    @EventHandler
    @MessageHandlerTimeout(timeoutMs = HOUR, warningThresholdMs = MINUTE, warningIntervalMs = MINUTE)
    void on(RecordShredded event, EventMessage<?> message) {
        String subject = SubjectKeys.record(event.recordId());
        // the job destroys it just after recording: maybe not yet
        Set<String> destroyed = keys.erase(subject).or(() -> keys.erasedKeyIdOf(subject)).stream()
                                    .collect(java.util.stream.Collectors.toSet());
        makeAgain(event.schoolUrn(), message, new SchoolReplay.Erased(destroyed, Set.of(event.recordId())));
    }

    /** {@code school} null: organisations' own records. */
    private void makeAgain(String school, EventMessage<?> message, SchoolReplay.Erased erased) {
        // up to the erasure, when the processor hands it over; a dead letter's retry takes the whole ledger (the
        // events after it are then seen again, which every projection takes as a redelivery)
        long upTo = message instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
        // with several segments, other schools' events may be writing a trust's read models meanwhile: those are
        // then left to a rebuild
        boolean alone = settings.segments() == 1;
        try {
            replay.replay(processor, school, upTo, alone, erased);
        } catch (RuntimeException e) {
            follower.rebuildSoon(null);
            throw e;
        }
        if (!alone) {
            follower.rebuildSoon(SchoolReplay.WHOLE);
        }
    }

    @Component
    @ProcessingGroup("read-models-erasures")
    static class OnReadModels extends ErasureInPlace {
        OnReadModels(SchoolReplay replay, SubjectKeys keys, ErasureFollower follower, ProcessorSettings settings) {
            super(ReadModelProcessors.SHARED, replay, keys, follower, settings);
        }
    }

    @Component
    @ProcessingGroup("quick-read-models-erasures")
    static class OnQuickReadModels extends ErasureInPlace {
        OnQuickReadModels(SchoolReplay replay, SubjectKeys keys, ErasureFollower follower,
                          ProcessorSettings settings) {
            super(ReadModelProcessors.QUICK, replay, keys, follower, settings);
        }
    }
}
