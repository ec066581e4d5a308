package school.evidence.query.operations;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import school.evidence.query.ProjectionConfiguration;
import school.evidence.kernel.Rejection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events a projection could not handle, parked in Axon's dead-letter queue (MongoDB), for operators: which
 * projection, which event (type, record, position), why, since when. Ids and the error only, never the event's
 * content. After the fault is fixed (a deploy, a data repair), a retry hands each parked sequence back to the
 * projection in order; whatever fails again stays parked.
 */
@Component
class DeadLetters {

    record Letter(String projection, String eventType, String eventId, String recordId, Long recordVersion,
                  String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    record Retry(String projection, int sequencesRetried, int sequencesStillParked, long lettersStillParked) {
    }

    private static final int CAUSE_LIMIT = 300;
    private final Configuration axon;

    private final ListableBeanFactory beans;

    DeadLetters(Configuration axon, ListableBeanFactory beans) {
        this.axon = axon;
        this.beans = beans;
    }

    Map<String, List<Letter>> all() {
        Map<String, List<Letter>> byProjection = new TreeMap<>();
        queues().forEach((group, queue) -> {
            List<Letter> letters = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(letter(group, letter));
                }
            }
            byProjection.put(group, letters);
        });
        return byProjection;
    }

    Retry retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues().get(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing().sequencedDeadLetterProcessor(group)
                .orElse(null);
        if (queue == null || processor == null) {
            throw Rejection.notFound("group", "No projection " + group + " with a dead-letter queue; known: "
                    + queues().keySet());
        }
        long sequences = queue.amountOfSequences();
        int retried = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                retried++;
            }
        }
        return new Retry(group, retried, (int) queue.amountOfSequences(), queue.size());
    }

    private Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        for (String group : ProjectionConfiguration.processingGroups(beans)) {
            processing().deadLetterQueue(group).ifPresent(q -> queues.put(group, q));
        }
        return queues;
    }

    private EventProcessingConfiguration processing() {
        return axon.eventProcessingConfiguration();
    }

    private static Letter letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String recordId = null;
        Long version = null;
        if (message instanceof DomainEventMessage<?> domain) {
            recordId = domain.getAggregateIdentifier();
            version = domain.getSequenceNumber();
        }
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null);
        if (cause != null && cause.length() > CAUSE_LIMIT) {
            cause = cause.substring(0, CAUSE_LIMIT) + "...";
        }
        return new Letter(group, message.getPayloadType().getSimpleName(), message.getIdentifier(), recordId, version,
                          cause, letter.enqueuedAt(), letter.lastTouched());
    }
}
