package school.evidence.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A count answered from one index's keys alone, as MongoDB answers a covered count: when every field the query names
 * is one of the index's fields and the query gives a plain value for its first field (one school's rows, say), each
 * key of that value's run is tested against the whole query as if it were the document. A past page of the monitoring
 * list counts 10,000 small rows this way without reading one of them. Empty when that does not apply: another field,
 * a condition other than comparisons with plain values (see {@link #comparison}), a sparse index, or a document with
 * several keys in the index (an array), which would be counted more than once.
 */
final class CoveredCount {

    private CoveredCount() {
    }

    static <P> OptionalLong count(List<Index<P>> indexes, Document query, Predicate<Document> matches) {
        Set<String> named = new HashSet<>();
        if (!fieldsOf(query, named)) {
            return OptionalLong.empty();
        }
        Document conditions = new Document();
        IndexedLookup.lift(query, conditions); // the query's conditions and its top-level $and's, side by side
        for (Index<P> index : indexes) {
            if (!(index instanceof DurableH2Backend.SecondaryIndexOnMap secondary) || !secondary.holdsEveryDocument()) {
                continue;
            }
            List<String> fields = index.getKeys().stream().map(IndexKey::getKey).toList();
            Object leading = conditions.get(fields.get(0));
            if (DurableH2Backend.plain(leading) && fields.containsAll(named)) {
                return count(secondary, fields, leading, matches);
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong count(DurableH2Backend.SecondaryIndexOnMap index, List<String> fields, Object leading,
                                      Predicate<Document> matches) {
        Set<Object> positions = new HashSet<>();
        long[] n = {0};
        boolean[] once = {true};
        index.eachKeyStartingWith(leading, key -> {
            if (!positions.add(key.get(key.size() - 1))) {
                once[0] = false; // an array: this document has several keys
                return false;
            }
            if (matches.test(asDocument(fields, key))) {
                n[0]++;
            }
            return true;
        });
        return once[0] ? OptionalLong.of(n[0]) : OptionalLong.empty();
    }

    /** The key's values under their fields ({@code details.occurredOn} as a sub-document); absent ones left out. */
    private static Document asDocument(List<String> fields, KeyValue key) {
        Document document = new Document();
        for (int i = 0; i < fields.size(); i++) {
            Object value = key.get(i);
            if (value instanceof Missing) {
                continue;
            }
            Document into = document;
            String[] path = fields.get(i).split("\\.");
            for (int p = 0; p < path.length - 1; p++) {
                into = (Document) into.computeIfAbsent(path[p], k -> new Document());
            }
            into.put(path[path.length - 1], value);
        }
        return document;
    }

    /** Adds the fields the query names; false if it has a condition not about fields. */
    private static boolean fieldsOf(Document query, Set<String> named) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                if (!(entry.getValue() instanceof List<?> all)) {
                    return false;
                }
                for (Object each : all) {
                    if (!(each instanceof Document clause) || !fieldsOf(clause, named)) {
                        return false;
                    }
                }
            } else if (key.startsWith("$") || !comparison(entry.getValue())) {
                return false;
            } else {
                named.add(key);
            }
        }
        return true;
    }

    /**
     * A plain value, or comparisons with plain values: what a key tests as its document does. Not null or absence
     * (an index keeps an empty array as null), not whole arrays or sub-documents, not {@code $size},
     * {@code $elemMatch}, {@code $exists} and the like (an array of one value is one plain value in the index).
     */
    private static boolean comparison(Object condition) {
        if (DurableH2Backend.plain(condition)) {
            return true;
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            boolean ok = switch (operator.getKey()) {
                case "$eq", "$ne", "$gt", "$gte", "$lt", "$lte" -> DurableH2Backend.plain(operator.getValue());
                case "$in", "$nin" -> operator.getValue() instanceof List<?> values
                        && values.stream().allMatch(DurableH2Backend::plain);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
