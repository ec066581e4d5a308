package school.evidence.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import school.evidence.platform.store.CommandMetadata;
import school.evidence.platform.web.Actor;

import java.util.HashMap;
import java.util.Map;

/** Sends a command on behalf of the signed-in user, so its events record who did it and why. */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return send(command, null);
    }

    public <R> R send(Object command, String reason) {
        Actor actor = Actor.current();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(CommandMetadata.ACTOR, actor.userId());
        metaData.put(CommandMetadata.ACTOR_ROLE, actor.role());
        if (reason != null) {
            metaData.put(CommandMetadata.REASON, reason);
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                        .andMetaData(MetaData.from(metaData)));
    }
}
