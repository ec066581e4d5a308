package school.evidence.kernel;

/**
 * An event about a trust's or local authority's work: its own records (filed under no school) and a school's records
 * made for it (a school joining, a judgement of a trust action, a triad review). The organisation's audit trail lists
 * them all.
 */
public interface OrganisationEvent {
    String trustId();
}
