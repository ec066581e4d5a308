package school.evidence.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collections derived from the ledger: the read models and the processors' positions in it. After a crash their
 * last writes may be missing, which is harmless, because the processors redo them from their stored positions
 * (a position is written after the writes it covers, and the store saves writes in order). The embedded disk store
 * therefore does not make each of their writes wait for its own commit, nor their creation or dropping (with their
 * indexes: a read model makes its indexes again when it starts); every other write still does.
 */
public class DerivedCollections {

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    public void add(String collection) {
        names.add(collection);
    }

    public boolean contains(String collection) {
        return names.contains(collection);
    }

    public Set<String> names() {
        return Set.copyOf(names);
    }
}
