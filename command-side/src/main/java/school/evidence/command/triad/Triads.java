package school.evidence.command.triad;

import school.evidence.kernel.Rejection;
import school.evidence.kernel.Slug;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadCommands.FormTriad;
import school.evidence.kernel.triad.TriadEvents.RotaSlot;
import school.evidence.kernel.triad.TriadEvents.TriadFormed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static school.evidence.command.Checks.notBlank;

/**
 * A trust's triads and the rules for forming one: three different schools of the trust, each in one triad a year, and
 * a termly rota in the order the schools are given (autumn, spring, summer).
 */
public final class Triads {

    private final Set<String> ids = new HashSet<>();
    /** academic year -> the schools already in a triad that year */
    private final Map<String, Set<String>> placed = new HashMap<>();

    public TriadFormed formed(String trustId, Set<String> members, FormTriad command) {
        notBlank(command.name(), "name");
        if (Slug.of(command.name()).isEmpty()) {
            throw Rejection.invalid("name", "A triad's name needs a letter or a digit");
        }
        if (!AcademicYear.isValid(command.academicYear())) {
            throw Rejection.invalid("academicYear", "academicYear must look like 2025-26");
        }
        String id = idOf(command.name(), command.academicYear());
        if (!id.equals(command.triadId())) {
            throw Rejection.invalid("triadId", "triadId must be made from the name and year: " + id);
        }
        if (ids.contains(id)) {
            throw Rejection.conflict("name", "The trust already has a triad called " + command.name().strip()
                    + " in " + command.academicYear());
        }
        List<String> schools = command.schools();
        if (schools.size() != 3 || new HashSet<>(schools).size() != 3) {
            throw Rejection.invalid("schools", "A triad is three different schools, in the order of their reviews");
        }
        List<String> outside = schools.stream().filter(urn -> !members.contains(urn)).toList();
        if (!outside.isEmpty()) {
            throw Rejection.invalid("schools", "Not a school of the trust: " + String.join(", ", outside));
        }
        Set<String> taken = placed.getOrDefault(command.academicYear(), Set.of());
        List<String> twice = schools.stream().filter(taken::contains).toList();
        if (!twice.isEmpty()) {
            throw Rejection.conflict("schools", "Already in a triad in " + command.academicYear() + ": "
                    + String.join(", ", twice));
        }
        List<RotaSlot> rota = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rota.add(new RotaSlot(Term.values()[i], schools.get(i)));
        }
        return new TriadFormed(trustId, id, command.name().strip(), command.academicYear(), rota);
    }

    /** "North triad" in 2025-26 → {@code north-triad-2025-26}: readable, and the same name may serve each year. */
    public static String idOf(String name, String academicYear) {
        return Slug.of(name) + "-" + academicYear;
    }

    public void add(TriadFormed event) {
        ids.add(event.triadId());
        event.rota().forEach(slot -> placed.computeIfAbsent(event.academicYear(), y -> new HashSet<>())
                                           .add(slot.schoolUrn()));
    }
}
