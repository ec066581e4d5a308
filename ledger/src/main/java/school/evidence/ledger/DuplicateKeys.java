package school.evidence.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which unique index refused a write. Both real MongoDB and the embedded server name it in the error message
 * ({@code E11000 duplicate key error collection: db.events index: uniqueGlobalIndex dup key: ...}): a clash on the
 * position index means the position was given up (a void marker holds it), not that someone else wrote first.
 */
final class DuplicateKeys {

    static final String POSITION_INDEX = "uniqueGlobalIndex";
    private static final Pattern INDEX = Pattern.compile("index: (\\S+)");

    private DuplicateKeys() {
    }

    /** The first duplicate-key error of a write: which document of the batch, and which index. */
    record Duplicate(int documentIndex, String indexName) {
        boolean onPosition() {
            return POSITION_INDEX.equals(indexName);
        }
    }

    static Optional<Duplicate> of(MongoException failure) {
        if (failure instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .filter(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY)
                       .findFirst().map(e -> new Duplicate(e.getIndex(), indexName(e)));
        }
        if (failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return Optional.of(new Duplicate(0, indexName(write.getError().getMessage())));
        }
        return Optional.empty();
    }

    private static String indexName(BulkWriteError error) {
        return indexName(error.getMessage());
    }

    private static String indexName(String message) {
        Matcher m = INDEX.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : "";
    }
}
