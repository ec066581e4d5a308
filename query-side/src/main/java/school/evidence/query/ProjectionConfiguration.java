package school.evidence.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

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
    public static final String DEAD_LETTERS = "dead_letters";

    @Bean
    public ConfigurerModule trackingProjections(MongoDatabase evidenceDatabase,
                                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        // dead letters keep the event as the ledger does: personal fields stay encrypted (erasure reaches them)
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(evidenceDatabase)
                                                            .deadLetterCollectionName(DEAD_LETTERS).build();
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(50))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueueProvider(group -> IN_ORDER_ONLY.contains(group) ? null
                        : c -> MongoSequencedDeadLetterQueue.builder()
                                                            .processingGroup(group)
                                                            .mongoTemplate(template)
                                                            .serializer(eventSerializer)
                                                            .transactionManager(NoTransactionManager.INSTANCE)
                                                            .build()));
    }
}
