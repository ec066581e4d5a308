package school.evidence.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import school.evidence.query.cluster.ProcessorSettings;
import school.evidence.query.cluster.SchoolSequencing;
import school.evidence.platform.axon.TokenPositions;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every projection is a processing group of its own; the rebuildable ones share one tracking processor
 * ({@link ReadModelProcessors}), whose token is in MongoDB beside their collections. A handler that
 * throws does not stall the projection: the event (and any later event of the same record, to keep their order)
 * goes to Axon's dead-letter queue, stored in MongoDB ({@code dead_letters}), where operators see it and retry it
 * once the fault is fixed. The ledger's Merkle index is the exception: it must take every event in order, so it
 * retries in place instead.
 * <p>
 * With {@code evidence.processors.segments} above one (several query-side nodes), a read model's work splits into
 * segments the nodes share through the token store: a school's events stay in one segment and in order
 * ({@link SchoolSequencing}), and a parked event then holds back the later events of its school in that read model.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
public class ProjectionConfiguration {

    /** Processing groups that never skip an event. */
    public static final Set<String> IN_ORDER_ONLY = Set.of("ledger-index");
    /** Groups that see every event in one order (the Merkle index): one segment always. */
    public static final Set<String> ONE_SEGMENT = ReadModelProcessors.OWN;
    /** Read models of trusts, whose events go together by trust ({@link SchoolSequencing#byOrganisation()}). */
    static final Set<String> BY_ORGANISATION = Set.of("trusts", "trust-plans");
    /**
     * Events a processor handles at a time when that many are waiting (a catch-up; live, a batch is what has arrived).
     * A batch's read-model writes go to the store together ({@link BatchedWrites}) and its position once. 200 (and
     * 500 for the ledger index) measured no better: a catch-up of 97,600 events at 623 events/s (50,000 at 695 with
     * 50), and the write path within the runs' noise.
     */
    static final int BATCH = 50;
    public static final String DEAD_LETTERS = "dead_letters";

    @Bean
    public ConfigurerModule trackingProjections(MongoDatabase evidenceDatabase,
                                                @Qualifier("eventSerializer") Serializer eventSerializer,
                                                ListableBeanFactory beans, ProcessorSettings settings,
                                                ObjectProvider<TokenPositions> stored) {
        // dead letters keep the event as the ledger does: personal fields stay encrypted (erasure reaches them)
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(evidenceDatabase)
                                                            .deadLetterCollectionName(DEAD_LETTERS).build();
        Set<String> groups = processingGroups(beans);
        return configurer -> configurer.eventProcessing(processing -> {
            // Axon asks a processor's queue before every event whether the event's record has letters parked: a
            // query per event per processor (a sixth of a catch-up's processor time). Its cache answers from
            // memory for records known to have none, and for all of them while the queue is empty.
            for (String group : groups) {
                if (!IN_ORDER_ONLY.contains(group)) {
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (c, invoker) -> invoker.enableSequenceIdentifierCache());
                }
            }
            // two processors read the ledger for every rebuildable read model; each keeps its own group
            for (String group : groups) {
                if (!ReadModelProcessors.of(group).equals(group)) {
                    processing.assignProcessingGroup(group, ReadModelProcessors.of(group));
                }
            }
            for (String processor : ReadModelProcessors.SHARED_PROCESSORS) {
                processing.registerTrackingEventProcessorConfiguration(processor, c -> shared(settings)
                        .andInitialTrackingToken(source -> {
                            TrackingToken start = ReadModelProcessors.startingPoint(processor, groups,
                                                                                    stored.getObject());
                            return start != null ? start : source.createTailToken();
                        }));
            }
            // several segments: a thread each, so one node can take every segment when the others are gone; the
            // events a read model must take in order share a segment. One segment keeps Axon's order per record.
            if (settings.segments() > 1) {
                for (String group : groups) {
                    if (!ONE_SEGMENT.contains(group)) {
                        processing.registerSequencingPolicy(group, c -> BY_ORGANISATION.contains(group)
                                ? SchoolSequencing.byOrganisation() : SchoolSequencing.bySchool());
                    }
                }
            }
            processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(c -> settings.tracking(1).andBatchSize(BATCH))
                .registerDefaultHandlerInterceptor((c, group) -> BatchedWrites.flushAtEndOfBatch())
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueueProvider(group -> IN_ORDER_ONLY.contains(group) ? null
                        : c -> MongoSequencedDeadLetterQueue.builder()
                                                            .processingGroup(group)
                                                            .mongoTemplate(template)
                                                            .serializer(eventSerializer)
                                                            .transactionManager(NoTransactionManager.INSTANCE)
                                                            .build());
        });
    }

    /** The shared processor: split into the configured segments. */
    private static TrackingEventProcessorConfiguration shared(ProcessorSettings settings) {
        return settings.tracking(settings.segments()).andBatchSize(BATCH);
    }

    /** The processing groups of the event handlers in this application (their beans are not created for this). */
    public static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }
}
