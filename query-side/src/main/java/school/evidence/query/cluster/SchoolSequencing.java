package school.evidence.query.cluster;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import school.evidence.kernel.OrganisationEvent;
import school.evidence.kernel.SchoolEvent;

/**
 * Which events a read model must take in order, and so which segment takes them when a read model's work is split
 * between nodes. A school's records refer to each other (monitoring cites its plan's actions, a timeline reads
 * both), so a school's events stay together and in order; a trust's read models (its plans, triads, members) take a
 * trust's events together, a school's judgement of a trust action or its joining included.
 */
public final class SchoolSequencing implements SequencingPolicy<EventMessage<?>> {

    private final boolean organisationFirst;

    private SchoolSequencing(boolean organisationFirst) {
        this.organisationFirst = organisationFirst;
    }

    /** For read models of schools: a school's events in order; an organisation's own records by organisation. */
    public static SchoolSequencing bySchool() {
        return new SchoolSequencing(false);
    }

    /** For read models of trusts: what concerns a trust in order, even when a school recorded it. */
    public static SchoolSequencing byOrganisation() {
        return new SchoolSequencing(true);
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (organisationFirst && payload instanceof OrganisationEvent organisation) {
            return "trust:" + organisation.trustId();
        }
        if (payload instanceof SchoolEvent school) {
            return "school:" + school.schoolUrn();
        }
        if (payload instanceof OrganisationEvent organisation) {
            return "trust:" + organisation.trustId();
        }
        // nothing else is stored; were it, its record keeps its order
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
