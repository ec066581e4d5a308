package school.evidence.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants in read models as fixed-width UTC ISO-8601 ({@code 2023-10-12T09:15:02.123456789Z}), so that sorting
 * the strings sorts the times ({@code Instant.toString()} drops trailing zeros and would not).
 */
public final class RecordedAt {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private RecordedAt() {
    }

    public static String format(Instant instant) {
        return FIXED.format(instant);
    }
}
