package school.evidence.query.replay;

import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.plan.PlanEvents.ActionCarriedForward;
import school.evidence.ledger.LedgerReader;
import school.evidence.platform.privacy.Mentions;
import school.evidence.platform.privacy.PersonalDataSerializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an erasure reached at a school (or in organisations' own records, {@code school} null): the records (event
 * streams) holding a field sealed under a key it destroyed, every event of theirs up to the erasure, and the school's
 * plans (whose actions those records' evidence is filed under), and the keys those records are sealed under. Found
 * from the school's events as stored, by the key ids written beside each sealed field: nothing is decrypted.
 */
public record Touched(String school, Set<String> records, Set<String> events, Set<String> plans, Set<String> keys) {

    private static final Set<String> OPENS_AN_ACTION = Set.of(ActionAdded.class.getName(),
                                                              ActionCarriedForward.class.getName());

    public Touched {
        records = Collections.unmodifiableSet(new TreeSet<>(records));
        events = Collections.unmodifiableSet(new TreeSet<>(events));
        plans = Collections.unmodifiableSet(new TreeSet<>(plans));
        keys = Set.copyOf(keys);
    }

    /**
     * The school's records sealed under any of {@code keyIds}, with {@code records} (known by id: a record shredded
     * at the end of its retention), from its events up to position {@code upTo}.
     */
    static Touched find(LedgerReader ledger, String school, Set<String> keyIds, Set<String> records, long upTo) {
        Set<String> touched = new TreeSet<>(records);
        Set<String> plans = new TreeSet<>();
        Map<String, List<String>> eventsOf = new HashMap<>();
        Map<String, Set<String>> keysOf = new HashMap<>();
        ledger.forEachInSchool(school, event -> {
            if (event.globalIndex() > upTo) {
                return;
            }
            eventsOf.computeIfAbsent(event.aggregateId(), a -> new ArrayList<>()).add(event.eventId());
            if (OPENS_AN_ACTION.contains(event.payloadType())) {
                plans.add(event.aggregateId());
            }
            Set<String> sealedUnder = PersonalDataSerializer.keyIdsIn(event.payload());
            keysOf.computeIfAbsent(event.aggregateId(), a -> new HashSet<>()).addAll(sealedUnder);
            if (!keyIds.isEmpty() && !Collections.disjoint(sealedUnder, keyIds)) {
                touched.add(event.aggregateId());
            }
        });
        return new Touched(school, touched, eventsOf(touched, eventsOf), plans, keysOf(touched, keysOf));
    }

    /**
     * The organisations' own records (their plans, filed under no school) sealed under any of {@code keyIds}, from
     * the events of the kinds that hold such data: a key shared by every organisation's older plans reaches them all.
     */
    static Touched ofOrganisations(LedgerReader ledger, Set<String> keyIds, long upTo) {
        Set<String> touched = new TreeSet<>();
        Map<String, List<String>> eventsOf = new HashMap<>();
        ledger.forEachOfTypes(Mentions.ORGANISATION_TYPES, event -> {
            if (event.globalIndex() <= upTo && event.school() == null) {
                eventsOf.computeIfAbsent(event.aggregateId(), a -> new ArrayList<>()).add(event.eventId());
                if (!Collections.disjoint(PersonalDataSerializer.keyIdsIn(event.payload()), keyIds)) {
                    touched.add(event.aggregateId());
                }
            }
        });
        return new Touched(null, touched, eventsOf(touched, eventsOf), Set.of(), Set.of());
    }

    /** The keys the touched records' events are sealed under: read ahead of the replay, a few hundred at a time. */
    private static Set<String> keysOf(Set<String> records, Map<String, Set<String>> keysOf) {
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.addAll(keysOf.getOrDefault(record, Set.of())));
        return keys;
    }

    private static Set<String> eventsOf(Set<String> records, Map<String, List<String>> eventsOf) {
        Set<String> events = new TreeSet<>();
        records.forEach(record -> events.addAll(eventsOf.getOrDefault(record, List.of())));
        return events;
    }
}
