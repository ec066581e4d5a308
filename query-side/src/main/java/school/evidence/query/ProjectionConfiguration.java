package school.evidence.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every projection is its own tracking processor with its token in MongoDB beside its collection. A handler that
 * throws does not stall the projection: the event (and any later event of the same record, to keep their order)
 * goes to Axon's dead-letter queue, stored in MongoDB ({@code dead_letters}), where operators see it and retry it
 * once the fault is fixed. The ledger's Merkle index is the exception: it must take every event in order, so it
 * retries in place instead.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
public class ProjectionConfiguration {

    /** Processing groups that never skip an event. */
    public static final Set<String> IN_ORDER_ONLY = Set.of("ledger-index");
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
                                                ListableBeanFactory beans) {
        // dead letters keep the event as the ledger does: personal fields stay encrypted (erasure reaches them)
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(evidenceDatabase)
                                                            .deadLetterCollectionName(DEAD_LETTERS).build();
        return configurer -> configurer.eventProcessing(processing -> {
            // Axon asks a processor's queue before every event whether the event's record has letters parked: a
            // query per event per processor (a sixth of a catch-up's processor time). Its cache answers from
            // memory for records known to have none, and for all of them while the queue is empty.
            for (String group : processingGroups(beans)) {
                if (!IN_ORDER_ONLY.contains(group)) {
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                            group, (c, invoker) -> invoker.enableSequenceIdentifierCache());
                }
            }
            processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH))
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

    /** The processing groups of the event handlers in this application (their beans are not created for this). */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
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
