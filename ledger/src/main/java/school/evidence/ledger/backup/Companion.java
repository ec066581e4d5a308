package school.evidence.ledger.backup;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * A collection archived beside the ledger, as stored, because the ledger cannot be read without it (the subject key
 * store: the keys that open personal data, still wrapped by the key-encryption key). A whole-ledger archive holds all
 * of it; a school's own archive only the documents whose ids its events mention, and those always kept.
 *
 * @param idsMentionedIn the document ids a stored payload or metadata text refers to
 * @param alwaysKept     ids every archive holds (the key-encryption key's check value)
 */
public record Companion(String collection, Function<String, Collection<String>> idsMentionedIn, Set<String> alwaysKept) {

    /** A collection copied whole into every archive (demo keys kept in the database). */
    public static Companion whole(String collection) {
        return new Companion(collection, null, Set.of());
    }

    boolean whole() {
        return idsMentionedIn == null;
    }

    String file() {
        return "companion-" + collection + ".jsonl.gz";
    }
}
