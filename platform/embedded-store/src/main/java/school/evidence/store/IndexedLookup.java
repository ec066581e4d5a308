package school.evidence.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which index can find the documents a query asks for, and with what part of the query. The embedded server asks an
 * index only about the query as written: the driver writes every {@code Filters.and} as a top-level {@code $and},
 * which no index recognises, and a unique index (the {@code _id}) answers only a query on exactly its own fields, so
 * {@code {_id: x, seq: {$lt: n}}} was a scan of the whole collection. Here the conditions of a top-level {@code $and}
 * are lifted beside the others, and each index is offered the conditions on its own fields; the server still tests
 * every document found against the whole query, so an index may find more than matches, never less. The narrowest
 * index that can serve is offered first.
 */
final class IndexedLookup {

    private IndexedLookup() {
    }

    /** The first index (in the collection's order) able to serve part of {@code query}, with that part. */
    static <P> Optional<Map.Entry<Index<P>, Document>> choose(List<Index<P>> indexes, Document query) {
        return usable(indexes, query).stream().findFirst();
    }

    /** Every index able to serve part of {@code query}, with that part, in the collection's order. */
    static <P> List<Map.Entry<Index<P>, Document>> usable(List<Index<P>> indexes, Document query) {
        Document conditions = new Document();
        lift(query, conditions);
        List<Map.Entry<Index<P>, Document>> usable = new ArrayList<>();
        for (Index<P> index : indexes) {
            Document part = new Document();
            for (IndexKey key : index.getKeys()) {
                if (conditions.containsKey(key.getKey())) {
                    part.put(key.getKey(), conditions.get(key.getKey()));
                }
            }
            if (!part.isEmpty() && index.canHandle(part)) {
                usable.add(Map.entry(index, part));
            }
        }
        // the narrowest first: a unique key given whole, then the longest run of leading fields given
        usable.sort(java.util.Comparator.comparingInt(found -> -narrowness(found.getKey(), found.getValue())));
        return usable;
    }

    /**
     * An index whose positions are exactly the documents matching {@code query}, with the part to ask it: the query
     * is nothing but plain values (no operators, no nulls, no arrays or sub-documents), one for each of the
     * index's leading fields. Such an index can count a query's documents without reading them.
     */
    static <P> Optional<Map.Entry<Index<P>, Document>> exactly(List<Index<P>> indexes, Document query) {
        Document conditions = new Document();
        if (!liftPlain(query, conditions) || conditions.isEmpty()) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            List<IndexKey> keys = index.getKeys();
            // (a sparse index leaves out only documents with none of its fields, which a plain value never matches)
            if (keys.size() >= conditions.size()
                    && keys.subList(0, conditions.size()).stream().allMatch(k -> conditions.containsKey(k.getKey()))
                    && index.canHandle(conditions)) {
                return Optional.of(Map.entry(index, conditions));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code query} asks for documents by their ids alone, {@code {_id: {$in: [...]}}} of plain values: the
     * unique id index finds exactly those, so they need not be matched again. The server's matching compares each
     * document with every value of the list (a thousand ids took a million comparisons).
     */
    static boolean onlyIds(Document query) {
        return query.size() == 1 && query.get("_id") instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof List<?> ids && ids.stream().allMatch(DurableH2Backend::plain);
    }

    /** Like {@link #lift}, but false if any condition is not a plain value or a field is asked twice. */
    private static boolean liftPlain(Document query, Document conditions) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if ("$and".equals(entry.getKey()) && entry.getValue() instanceof List<?> all) {
                for (Object each : all) {
                    if (!(each instanceof Document clause) || !liftPlain(clause, conditions)) {
                        return false;
                    }
                }
            } else if (entry.getKey().startsWith("$") || !DurableH2Backend.plain(entry.getValue())
                    || conditions.put(entry.getKey(), entry.getValue()) != null) {
                return false;
            }
        }
        return true;
    }

    /** Field conditions of the query and of its top-level {@code $and} (nested too); {@code $or} and the like are left out. */
    static void lift(Document query, Document conditions) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            if ("$and".equals(field) && entry.getValue() instanceof List<?> all) {
                for (Object each : all) {
                    if (each instanceof Document clause) {
                        lift(clause, conditions);
                    }
                }
            } else if (!field.startsWith("$")) {
                // a field asked twice (a range's two ends, say): either condition finds a superset; keep a plain
                // value if there is one, since an index looks those up directly
                Object known = conditions.get(field);
                if (known == null || (known instanceof Document && !(entry.getValue() instanceof Document))) {
                    conditions.put(field, entry.getValue());
                }
            }
        }
    }

    private static int narrowness(Index<?> index, Document part) {
        List<List<Object>> prefixes = prefixes(index.getKeys().stream().map(IndexKey::getKey).toList(), part);
        int given = prefixes.isEmpty() ? 0 : prefixes.get(0).size();
        return index.isUnique() && given == index.getKeys().size() ? Integer.MAX_VALUE : given;
    }

    /** Beyond this many {@code $in} values a scan is no worse than the lookups. */
    private static final int MAX_IN = 1_000;

    /**
     * The values, as an index stores them, of the leading fields of {@code keys} that {@code query} gives plainly
     * (one value, or those of {@code $in}), stopping at the first field it does not: one prefix per combination.
     * Empty: an index on these keys cannot help.
     */
    static List<List<Object>> prefixes(List<String> keys, Document query) {
        List<List<Object>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        for (String key : keys) {
            Object queried = query.get(key);
            List<?> alternatives;
            if (DurableH2Backend.plain(queried)) {
                alternatives = List.of(queried);
            } else if (queried instanceof Document expression && expression.size() == 1
                    && expression.get("$in") instanceof Collection<?> in && !in.isEmpty() && in.size() <= MAX_IN
                    && in.stream().allMatch(DurableH2Backend::plain)) {
                alternatives = List.copyOf(in);
            } else {
                break;
            }
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : prefixes) {
                for (Object value : alternatives) {
                    List<Object> next = new ArrayList<>(prefix);
                    next.add(value);
                    longer.add(next);
                }
            }
            prefixes = longer;
        }
        if (prefixes.get(0).isEmpty()) {
            return List.of();
        }
        return prefixes.stream().map(raw -> new KeyValue(raw).normalized().stream().toList()).toList();
    }

    /** Whether {@code key} is longer than {@code prefix} and begins with its values. */
    static boolean startsWith(KeyValue key, List<Object> prefix) {
        if (key.size() <= prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (BsonPages.IndexKeys.compareValues(key.get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }
}
