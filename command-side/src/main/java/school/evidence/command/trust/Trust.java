package school.evidence.command.trust;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.command.body.Bodies;
import school.evidence.command.triad.Triads;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.body.BodyCommands.RegisterTrustBody;
import school.evidence.kernel.body.BodyEvents.TrustBodyRegistered;
import school.evidence.kernel.triad.TriadCommands.FormTriad;
import school.evidence.kernel.triad.TriadEvents.TriadFormed;
import school.evidence.kernel.trust.TrustCommands.AddSchoolToTrust;
import school.evidence.kernel.trust.TrustCommands.ChangeImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.ImprovementPhase;
import school.evidence.kernel.trust.TrustCommands.RegisterTrust;
import school.evidence.kernel.trust.TrustEvents.ImprovementPhaseChanged;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trust.TrustEvents.TrustRegistered;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/** A multi-academy trust or a local authority: its member schools, their improvement phases, its bodies and triads. */
@Aggregate
public class Trust {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @AggregateIdentifier
    private String trustId;
    /** Each school's phases by the day they took effect (the first on the day it joined). */
    private final Map<String, TreeMap<LocalDate, ImprovementPhase>> schools = new HashMap<>();
    private final java.util.Set<String> bodies = new java.util.HashSet<>();
    private final Triads triads = new Triads();

    protected Trust() {
    }

    @CommandHandler
    public Trust(RegisterTrust command) {
        if (command.trustId() == null || !ID.matcher(command.trustId()).matches()) {
            throw Rejection.invalid("trustId", "trustId is lower-case letters, digits and dashes, e.g. north-star-mat");
        }
        notBlank(command.name(), "name");
        apply(new TrustRegistered(command.trustId(), command.name().strip(), command.kind()));
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
        apply(new SchoolJoinedTrust(trustId, command.urn(), command.phase(), command.joinedOn(),
                                    measures(command.indicativeMeasures())));
    }

    @CommandHandler
    public void handle(ChangeImprovementPhase command) {
        TreeMap<LocalDate, ImprovementPhase> phases = schools.get(command.urn());
        if (phases == null) {
            throw Rejection.notFound("urn", "School " + command.urn() + " is not in the trust");
        }
        notNull(command.phase(), "phase");
        notNull(command.effectiveOn(), "effectiveOn");
        notBlank(command.reason(), "reason");
        LocalDate joined = phases.firstKey();
        if (command.effectiveOn().isBefore(joined)) {
            throw Rejection.invalid("effectiveOn", "School " + command.urn() + " joined the trust on " + joined
                    + ": a phase cannot take effect before that");
        }
        // the phase in force on that day, whenever the change is recorded (a late entry fills in the history)
        ImprovementPhase inForce = phases.floorEntry(command.effectiveOn()).getValue();
        if (inForce == command.phase()) {
            throw Rejection.conflict("phase", "On " + command.effectiveOn() + " the school is already in the "
                    + inForce + " phase");
        }
        apply(new ImprovementPhaseChanged(trustId, command.urn(), inForce, command.phase(), command.effectiveOn(),
                                          command.reason().strip(), measures(command.indicativeMeasures())));
    }

    @CommandHandler
    public void handle(RegisterTrustBody command) {
        String id = Bodies.checked(command.name(), command.kind(), command.remit(), bodies);
        apply(new TrustBodyRegistered(trustId, id, command.name().strip(), command.kind(),
                                      Bodies.remit(command.remit())));
    }

    @CommandHandler
    public void handle(FormTriad command) {
        apply(triads.formed(trustId, schools.keySet(), command));
    }

    private static java.util.List<String> measures(java.util.List<String> notes) {
        if (notes.size() > 20 || notes.stream().anyMatch(n -> n == null || n.isBlank() || n.length() > 500)) {
            throw Rejection.invalid("indicativeMeasures", "Up to 20 notes of up to 500 characters each");
        }
        return notes.stream().map(String::strip).toList();
    }

    @EventSourcingHandler
    void on(TrustRegistered event) {
        trustId = event.trustId();
    }

    @EventSourcingHandler
    void on(TrustBodyRegistered event) {
        bodies.add(event.bodyId());
    }

    @EventSourcingHandler
    void on(TriadFormed event) {
        triads.add(event);
    }

    @EventSourcingHandler
    void on(SchoolJoinedTrust event) {
        schools.put(event.schoolUrn(), new TreeMap<>(Map.of(event.joinedOn(), event.phase())));
    }

    @EventSourcingHandler
    void on(ImprovementPhaseChanged event) {
        schools.get(event.schoolUrn()).put(event.effectiveOn(), event.to());
    }
}
