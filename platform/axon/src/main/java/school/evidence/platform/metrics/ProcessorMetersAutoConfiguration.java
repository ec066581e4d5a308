package school.evidence.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's own event processor meters, the same names and tags its Spring Boot set-up registers
 * ({@code eventProcessor.*} by {@code processorName} and {@code payloadType}), with one change: the capacity gauge
 * looks back one minute instead of ten. Axon keeps every message's timing for the whole window and reads them all
 * on each scrape; while projections caught up with 80,000 events the ten-minute window held about a million
 * timings and the scrapes took 28% of the CPU (JFR, bench section 4).
 */
@AutoConfiguration
@ConditionalOnClass(CapacityMonitor.class)
@ConditionalOnBean(MeterRegistry.class)
public class ProcessorMetersAutoConfiguration {

    static final String PREFIX = "eventProcessor";

    @Bean
    public ConfigurerModule processorMeters(MeterRegistry registry) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.configureMessageMonitor(TrackingEventProcessor.class, (configuration, type, name) -> {
                    Function<Message<?>, Iterable<Tag>> tags = message -> Tags.of(
                            "payloadType", message.getPayloadType().getSimpleName(), "processorName", name);
                    Function<Message<?>, Iterable<Tag>> processor = message -> Tags.of("processorName", name);
                    return new MultiMessageMonitor<>(
                            MessageTimerMonitor.buildMonitor(PREFIX, registry, tags),
                            anyMessage(EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX)
                                                                   .meterRegistry(registry).tagsBuilder(processor)
                                                                   .build()),
                            CapacityMonitor.buildMonitor(PREFIX, registry, 1, TimeUnit.MINUTES, processor),
                            MessageCountingMonitor.buildMonitor(PREFIX, registry, tags));
                });
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE; // after Axon's metrics module, so this monitor replaces its one
            }
        };
    }

    /** A processor only ever hands it event messages. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> anyMessage(MessageMonitor<? extends EventMessage<?>> monitor) {
        return (MessageMonitor) monitor;
    }
}
