package school.evidence.command.triad;

import school.evidence.kernel.triad.TriadEvents.RotaSlot;

import java.util.List;
import java.util.Optional;

/** A trust's triads as formed, for the records that check against them (a review in a school's plan). */
public interface TriadLookup {

    record TriadFacts(String trustId, String triadId, String academicYear, List<RotaSlot> rota) {
    }

    /** Empty if the trust has no such triad (or there is no such trust). */
    Optional<TriadFacts> find(String trustId, String triadId);
}
