package school.evidence.query.backup;

import school.evidence.ledger.backup.Archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which archives of the whole ledger may go: kept are the newest archive of each of the newest {@code daily} days
 * with every archive its chain needs, and the newest full archive of each of the newest {@code weekly} weeks. An
 * archive a kept one follows is never deleted, so every kept archive stays restorable. Schools' own archives are left
 * alone (an operator made them for a reason).
 */
final class Retention {

    private Retention() {
    }

    static List<Archive> toDelete(List<Archive> all, int daily, int weekly) {
        List<Archive> whole = all.stream().filter(a -> a.manifest().wholeLedger()).toList();
        Map<String, Archive> byId = new HashMap<>();
        whole.forEach(a -> byId.put(a.manifest().archiveId(), a));
        Set<String> keep = new HashSet<>();
        newestPer(whole, a -> day(a).toString()).values().stream().limit(daily).forEach(a -> keepChain(a, byId, keep));
        newestPer(whole.stream().filter(a -> !a.manifest().incremental()).toList(),
                  a -> day(a).get(IsoFields.WEEK_BASED_YEAR) + "-" + day(a).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                .values().stream().limit(weekly).forEach(a -> keep.add(a.manifest().archiveId()));
        return whole.stream().filter(a -> !keep.contains(a.manifest().archiveId())).toList();
    }

    /** The newest archive per period, newest period first. */
    private static Map<String, Archive> newestPer(List<Archive> archives, java.util.function.Function<Archive, String> period) {
        Map<String, Archive> newest = new LinkedHashMap<>();
        List<Archive> newestFirst = new ArrayList<>(archives);
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(a -> newest.putIfAbsent(period.apply(a), a));
        return newest;
    }

    private static void keepChain(Archive archive, Map<String, Archive> byId, Set<String> keep) {
        for (Archive at = archive; at != null; at = at.manifest().incremental() ? byId.get(at.manifest().previousArchiveId()) : null) {
            keep.add(at.manifest().archiveId());
        }
    }

    private static LocalDate day(Archive archive) {
        return Instant.parse(archive.manifest().takenAt()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
