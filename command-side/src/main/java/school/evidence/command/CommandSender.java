package school.evidence.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import school.evidence.platform.axon.CommandMetadata;
import school.evidence.platform.access.Actor;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command on behalf of the signed-in user, so its events record who did it and why; one that lost a race with
 * another node's write to the same record is sent again.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final MeterRegistry meters;

    public CommandSender(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    /**
     * Sends the command as the signed-in user. A reason for a change travels in the command and its event, where it
     * is encrypted as personal data may be, not in the metadata, which is stored as written.
     */
    public <R> R send(Object command) {
        Actor actor = Actor.current();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(CommandMetadata.ACTOR, actor.userId());
        metaData.put(CommandMetadata.ACTOR_ROLE, actor.role());
        String requestId = MDC.get(CommandMetadata.REQUEST_ID);
        if (requestId != null) {
            metaData.put(CommandMetadata.REQUEST_ID, requestId);
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData));
        // the command's id becomes its events' correlationId: log lines and events can be matched on it
        MDC.put(CommandMetadata.CORRELATION_ID, message.getIdentifier());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            R result = sendRetryingLostRaces(message, command);
            outcome = "success";
            return result;
        } catch (RuntimeException e) {
            outcome = outcomeOf(e);
            throw e;
        } finally {
            sample.stop(Timer.builder("evidence.commands").description("Commands handled, by type and outcome")
                             .tag("command", command.getClass().getSimpleName()).tag("outcome", outcome)
                             .register(meters));
            MDC.remove(CommandMetadata.CORRELATION_ID);
        }
    }

    /**
     * Another node appended to the same record between this node's load and its append (the ledger refused the
     * sequence number it took): the command is decided again on the record as it is now, after a short, growing,
     * jittered pause. An {@code If-Match} still holds, since the version is checked again as the record loads, so a
     * change made meanwhile is then a 409; a refusal of the command itself is never retried.
     */
    private <R> R sendRetryingLostRaces(Object message, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(message);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
                meters.counter("evidence.commands.retries", "command", command.getClass().getSimpleName()).increment();
                pause(attempt);
            }
        }
    }

    static final int ATTEMPTS = 6;

    private static boolean lostARace(Throwable e) {
        Throwable cause = e instanceof org.axonframework.commandhandling.CommandExecutionException && e.getCause() != null
                ? e.getCause() : e;
        return cause instanceof org.axonframework.modelling.command.ConcurrencyException; // not a stream created twice
    }

    private static void pause(int attempt) {
        long millis = (10L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextLong(10L << attempt);
        try {
            Thread.sleep(millis); // 20-40 ms, then 40-80 ... up to 320-640 ms: about 1.2 s in all at most
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send a command again", interrupted);
        }
    }

    private static String outcomeOf(Throwable e) {
        Throwable cause = e instanceof org.axonframework.commandhandling.CommandExecutionException && e.getCause() != null
                ? e.getCause() : e;
        if (cause instanceof school.evidence.kernel.Rejection rejection) {
            return rejection.kind() == school.evidence.kernel.Rejection.Kind.CONFLICT ? "conflict" : "rejected";
        }
        if (cause instanceof org.axonframework.modelling.command.ConcurrencyException
                || cause instanceof org.axonframework.modelling.command.ConflictingAggregateVersionException
                || cause instanceof org.axonframework.modelling.command.AggregateStreamCreationException) {
            return "conflict";
        }
        if (cause instanceof org.axonframework.modelling.command.AggregateNotFoundException) {
            return "rejected";
        }
        return "error";
    }
}
