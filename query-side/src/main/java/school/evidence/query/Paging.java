package school.evidence.query;

import java.util.List;

/** One page of a longer list, with the total so a client can page through it. */
public record Paging<T>(long total, int page, int size, List<T> items) {
}
