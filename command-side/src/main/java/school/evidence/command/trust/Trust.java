package school.evidence.command.trust;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.trust.TrustCommands.AddSchoolToTrust;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.RegisterTrust;
import school.evidence.kernel.trust.TrustEvents.ImprovementPhaseChanged;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/** A multi-academy trust (or a local authority's group) and the improvement phase of each of its schools. */
@Aggregate
public class Trust {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @AggregateIdentifier
    private String trustId;
    private final Map<String, ImprovementPhase> schools = new HashMap<>();

    protected Trust() {
    }

    @CommandHandler
    public Trust(RegisterTrust command) {
        if (command.trustId() == null || !ID.matcher(command.trustId()).matches()) {
            throw Rejection.invalid("trustId", "trustId is lower-case letters, digits and dashes, e.g. north-star-mat");
        }
        notBlank(command.name(), "name");
        apply(new TrustRegistered(command.trustId(), command.name().strip()));
    }

    @CommandHandler
    public void handle(AddSchoolToTrust command, SchoolDirectory schoolDirectory) {
        if (!schoolDirectory.isRegistered(command.urn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.urn());
        }
        if (schools.containsKey(command.urn())) {
            throw Rejection.conflict("urn", "School " + command.urn() + " is already in the trust");
        }
        notNull(command.phase(), "phase");
        notNull(command.joinedOn(), "joinedOn");
        apply(new SchoolJoinedTrust(trustId, command.urn(), command.phase(), command.joinedOn()));
    }

    @CommandHandler
    public void handle(ChangeImprovementPhase command) {
        ImprovementPhase current = schools.get(command.urn());
        if (current == null) {
            throw Rejection.notFound("urn", "School " + command.urn() + " is not in the trust");
        }
        notNull(command.phase(), "phase");
        notNull(command.effectiveOn(), "effectiveOn");
        notBlank(command.reason(), "reason");
        if (current == command.phase()) {
            throw Rejection.conflict("phase", "The school is already in the " + current + " phase");
        }
        apply(new ImprovementPhaseChanged(trustId, command.urn(), current, command.phase(), command.effectiveOn(),
                                          command.reason().strip()));
    }

    @EventSourcingHandler
    void on(TrustRegistered event) {
        trustId = event.trustId();
    }

    @EventSourcingHandler
    void on(SchoolJoinedTrust event) {
        schools.put(event.schoolUrn(), event.phase());
    }

    @EventSourcingHandler
    void on(ImprovementPhaseChanged event) {
        schools.put(event.schoolUrn(), event.to());
    }
}
