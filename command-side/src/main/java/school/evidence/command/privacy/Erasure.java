package school.evidence.command.privacy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.kernel.privacy.PrivacyCommands.RecordErasure;
import school.evidence.kernel.privacy.PrivacyCommands.RecordOrganisationErasure;
import school.evidence.kernel.privacy.PrivacyEvents.DataSubjectErased;
import school.evidence.kernel.privacy.PrivacyEvents.OrganisationSubjectErased;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;

/** One erasure of a data subject, at a school or from an organisation's records: recorded once, with the reason, naming only the destroyed keys. */
@Aggregate
public class Erasure {

    @AggregateIdentifier
    private String erasureId;

    protected Erasure() {
    }

    @CommandHandler
    public Erasure(RecordErasure command) {
        notBlank(command.reason(), "reason");
        if ((command.subjectKeyId() == null || command.subjectKeyId().isBlank()) && command.recordKeyIds().isEmpty()) {
            throw school.evidence.kernel.Rejection.invalid("subjectKeyId", "An erasure destroys at least one key");
        }
        apply(new DataSubjectErased(command.erasureId(), command.schoolUrn(), command.subjectKeyId(),
                                    command.reason().strip(), command.recordKeyIds()));
    }

    @CommandHandler
    public Erasure(RecordOrganisationErasure command) {
        notBlank(command.reason(), "reason");
        if (command.subjectKeyIds().isEmpty() && command.recordKeyIds().isEmpty()) {
            throw school.evidence.kernel.Rejection.invalid("subjectKeyIds", "An erasure destroys at least one key");
        }
        apply(new OrganisationSubjectErased(command.erasureId(), command.trustId(), command.subjectKeyIds(),
                                            command.reason().strip(), command.recordKeyIds()));
    }

    @EventSourcingHandler
    void on(DataSubjectErased event) {
        erasureId = event.erasureId();
    }

    @EventSourcingHandler
    void on(OrganisationSubjectErased event) {
        erasureId = event.erasureId();
    }
}
