package school.evidence.command.school;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.school.Urn;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;

/** A school, identified by its URN. Registering the same URN twice is refused by the ledger (409). */
@Aggregate
public class School {

    @AggregateIdentifier
    private String urn;

    protected School() {
    }

    @CommandHandler
    public School(RegisterSchool command) {
        if (!Urn.isValid(command.urn())) {
            throw Rejection.invalid("urn", "urn must be exactly six digits");
        }
        notBlank(command.name(), "name");
        apply(new SchoolRegistered(command.urn(), command.name().strip()));
    }

    @EventSourcingHandler
    void on(SchoolRegistered event) {
        this.urn = event.urn();
    }
}
