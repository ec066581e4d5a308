package school.evidence.query.operations;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.query.ProjectionConfiguration;
import school.evidence.query.ReadModelProcessors;
import school.evidence.query.replay.ProjectionRebuild;

import java.time.Instant;
import java.util.Optional;


/**
 * What an operator watches: how far behind the ledger each projection is (in events and in milliseconds), how
 * many events the ledger has taken, and how old the newest signed checkpoint is. Readiness is withheld while a
 * projection rebuild has not caught up.
 */
@Component("rebuildHealthIndicator") // health component "rebuild"
class OperatorMeters implements HealthIndicator {

    private final Checkpoints checkpoints;
    private final LedgerReader ledger;
    private final MeterRegistry meters;
    private final Configuration axon;
    private final ProjectionRebuild rebuild;

    private final ListableBeanFactory beans;

    OperatorMeters(MongoDatabase database, LedgerReader ledger, MeterRegistry meters, Configuration axon,
                   ProjectionRebuild rebuild, ListableBeanFactory beans) {
        this.beans = beans;
        this.checkpoints = new Checkpoints(database, java.time.Clock.systemUTC());
        this.ledger = ledger;
        this.meters = meters;
        this.axon = axon;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        FunctionCounter.builder("evidence.ledger.events.reserved", this, m -> m.head())
                       .description("Global positions the ledger has handed out (events appended, plus any voided)")
                       .register(meters);
        Gauge.builder("evidence.ledger.checkpoint.age", this, OperatorMeters::checkpointAgeSeconds)
             .description("Seconds since the newest signed checkpoint (NaN: none yet)").baseUnit("seconds")
             .register(meters);
        // per read model, so an operator sees each one; read models sharing a processor show its lag
        for (String group : ProjectionConfiguration.processingGroups(beans)) {
            String name = ReadModelProcessors.of(group);
            axon.eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class).ifPresent(tracking -> {
                Tags tags = Tags.of("processor", name, "projection", group);
                Gauge.builder("evidence.processor.lag.events", tracking, p -> lagEvents(p)).tags(tags)
                     .description("Events in the ledger this projection has not processed yet").register(meters);
                Gauge.builder("evidence.processor.lag", tracking, p -> lagMillis(p)).tags(tags)
                     .baseUnit("milliseconds")
                     .description("Age of the oldest event this projection has not processed yet").register(meters);
                axon.eventProcessingConfiguration().deadLetterQueue(group).ifPresent(queue ->
                        Gauge.builder("evidence.processor.dead.letters", queue, q -> q.size()).tags(tags)
                             .description("Events this projection could not handle, parked for an operator")
                             .register(meters));
            });
        }
    }

    private double head() {
        return ledger.lastReservedPosition();
    }

    private Optional<Long> position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                        .filter(java.util.OptionalLong::isPresent).map(java.util.OptionalLong::getAsLong)
                        .min(Long::compare);
    }

    private static final int NEAR = 64;

    /**
     * Events after the processor's position. Near the head they are counted exactly (positions voided by a failed
     * append are not events and never reached); further behind, the positions are counted (voids are rare). Either
     * way a scrape costs one counter read and at most one keyed look, however far behind a projection is.
     */
    private double lagEvents(TrackingEventProcessor processor) {
        long position = position(processor).orElse(0L);
        long behind = (long) head() - position;
        if (behind <= 0) {
            return 0;
        }
        return behind > NEAR ? behind : next(position, behind).size();
    }

    /** Age of the oldest event the processor has not processed yet. */
    private double lagMillis(TrackingEventProcessor processor) {
        long position = position(processor).orElse(0L);
        long behind = (long) head() - position;
        if (behind <= 0) {
            return 0;
        }
        return next(position, Math.min(behind, NEAR)).stream().findFirst()
                .map(LedgerReader.Recorded::recordedAt).filter(java.util.Objects::nonNull).map(Instant::parse)
                .map(recorded -> (double) Math.max(0, Instant.now().toEpochMilli() - recorded.toEpochMilli()))
                .orElse(0.0);
    }

    /** The events (not void markers) among the next {@code count} positions, in order. */
    private java.util.List<LedgerReader.Recorded> next(long position, long count) {
        java.util.List<Long> window = new java.util.ArrayList<>();
        for (long g = position + 1; g <= position + count; g++) {
            window.add(g);
        }
        return ledger.recordedAt(window);
    }

    private double checkpointAgeSeconds() {
        return checkpoints.newestIssuedAt()
                          .map(issued -> (Instant.now().toEpochMilli() - issued.toEpochMilli()) / 1000.0)
                          .orElse(Double.NaN);
    }

    @Override
    public Health health() {
        return rebuild.rebuilding() ? Health.outOfService().withDetail("reason", "a projection rebuild is catching up").build()
                : Health.up().build();
    }
}
