package school.evidence.kernel.plan;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An academic year written the way schools write it, e.g. {@code 2023-24}: September to August. */
public final class AcademicYear {
    public static final String PATTERN = "(\\d{4})-(\\d{2})";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private AcademicYear() {
    }

    /** True for {@code 2023-24}; false for {@code 2023-25} or {@code 23-24}. */
    public static boolean isValid(String year) {
        if (year == null) {
            return false;
        }
        Matcher m = VALID.matcher(year);
        return m.matches() && (Integer.parseInt(m.group(1)) + 1) % 100 == Integer.parseInt(m.group(2));
    }

    /** The academic year a date falls in: 1 September starts a new one. */
    public static String containing(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }
}
