package school.evidence.query.monitoring;

import org.bson.Document;

import java.util.List;

/** Rows of a school's monitoring list (a page of it, or all of it) and how many rows the whole list has. */
record MonitoringPage(List<Document> rows, long total) {

    /** A page of the list: {@code page} from 0, {@code size} rows. */
    record Slice(int page, int size) {
        int skip() { // a page past any list is empty, not an overflowed offset
            return (int) Math.min(Integer.MAX_VALUE, (long) page * size);
        }
    }
}
