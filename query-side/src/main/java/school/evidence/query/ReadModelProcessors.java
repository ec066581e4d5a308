package school.evidence.query;

import org.axonframework.eventhandling.TrackingToken;
import school.evidence.platform.axon.TokenPositions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tracking processor feeds each read model. The rebuildable read models share two, so each event is read from
 * the ledger and deserialized twice for all of them (thirteen processors once read it thirteen times): the quick
 * ones (a plan, a body's challenges, names and calendars: a write or two per event) apart from those that write
 * several documents per event (timelines, lists, registers). Measured: with one processor for all, a judgement took
 * more than 30 s to show in the plan view once writes came faster than the service could take them, the plan view
 * waiting behind the heavy read models in one thread (docs/measured.md). Each read model stays its own processing
 * group, with its own dead-letter queue and sequencing, and is rebuilt on its own. The Merkle index (never skips an
 * event) keeps a processor of its own.
 */
public final class ReadModelProcessors {

    /** The processor of the read models that write several documents per event. */
    public static final String SHARED = "read-models";
    /** The processor of the quick read models, which keep up on their own when writes come faster than the rest. */
    public static final String QUICK = "quick-read-models";
    /** Both, for what runs per processor. */
    public static final List<String> SHARED_PROCESSORS = List.of(SHARED, QUICK);
    /** Read models with a processor of their own, named as the read model. */
    public static final Set<String> OWN = Set.of("ledger-index");
    /**
     * The groups that make a school's read models again in place after an erasure, one on each shared processor
     * (so each does it when it reaches the erasure, for the read models it feeds). They are not read models.
     */
    public static final Map<String, String> ERASURES_IN_PLACE = Map.of("read-models-erasures", SHARED,
                                                                       "quick-read-models-erasures", QUICK);
    private static final Set<String> QUICK_READ_MODELS = Set.of("plan-view", "challenge-log", "school-calendars",
                                                                "school-names", "self-evaluations", "trust-plans",
                                                                "trusts");

    private ReadModelProcessors() {
    }

    public static String of(String readModel) {
        if (OWN.contains(readModel)) {
            return readModel;
        }
        if (ERASURES_IN_PLACE.containsKey(readModel)) {
            return ERASURES_IN_PLACE.get(readModel);
        }
        return QUICK_READ_MODELS.contains(readModel) ? QUICK : SHARED;
    }

    /** Whether a processing group is a rebuildable read model (not the Merkle index nor an erasure's follower). */
    public static boolean isReadModel(String group) {
        return !OWN.contains(group) && !ERASURES_IN_PLACE.containsKey(group);
    }

    /**
     * Where a shared processor starts when it has no position yet. On a store that had a processor per read model:
     * the earliest position any of its read models had stored, so none misses an event (the others see a few again,
     * which every projection takes as a redelivery). Failing that, on a store where one processor fed every read
     * model (before the quick ones had their own): where it had got. From the first event (null) on a new store.
     */
    static TrackingToken startingPoint(String processor, Collection<String> readModels, TokenPositions stored) {
        TrackingToken own = lowest(readModels.stream().filter(r -> isReadModel(r) && of(r).equals(processor))
                                             .toList(), stored);
        if (own != null || processor.equals(SHARED)) {
            return own;
        }
        return lowest(List.of(SHARED), stored);
    }

    /** The lower bound of every segment's position of these processors; null if any has none stored. */
    private static TrackingToken lowest(Collection<String> processors, TokenPositions stored) {
        TrackingToken lowest = null;
        for (String processor : processors) {
            Map<Integer, Long> segments = stored.of(processor);
            Map<Integer, TrackingToken> tokens = stored.tokens(processor);
            if (segments.isEmpty() || tokens.size() < segments.size()) {
                return null;
            }
            for (TrackingToken token : tokens.values()) {
                lowest = lowest == null ? token : lowest.lowerBound(token);
            }
        }
        return lowest;
    }
}
