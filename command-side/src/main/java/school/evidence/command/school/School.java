package school.evidence.command.school;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.body.Bodies;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.body.BodyCommands.RegisterSchoolBody;
import school.evidence.kernel.body.BodyEvents.SchoolBodyRegistered;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolCalendarSet;
import school.evidence.kernel.school.SchoolCommands.SetSchoolCalendar;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.school.Urn;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;

/** A school, identified by its URN. Registering the same URN twice is refused by the ledger (409). */
@Aggregate
public class School {

    @AggregateIdentifier
    private String urn;
    private final Set<String> bodies = new HashSet<>();

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

    @CommandHandler
    public void handle(SetSchoolCalendar command) {
        if (command.calendar() == null) {
            throw Rejection.invalid("halfTerms", "halfTerms are required");
        }
        String problem = command.calendar().problem();
        if (problem != null) {
            throw Rejection.invalid(problem.startsWith("academicYear") ? "academicYear" : "halfTerms", problem);
        }
        apply(new SchoolCalendarSet(urn, command.calendar()));
    }

    @CommandHandler
    public void handle(RegisterSchoolBody command) {
        String id = Bodies.checked(command.name(), command.kind(), command.remit(), bodies);
        apply(new SchoolBodyRegistered(urn, id, command.name().strip(), command.kind(), Bodies.remit(command.remit())));
    }

    @EventSourcingHandler
    void on(SchoolRegistered event) {
        this.urn = event.urn();
    }

    @EventSourcingHandler
    void on(SchoolBodyRegistered event) {
        bodies.add(event.bodyId());
    }
}
