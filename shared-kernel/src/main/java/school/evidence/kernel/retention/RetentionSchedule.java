package school.evidence.kernel.retention;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How long each type of record is kept, in whole academic years after the one it was made in (the way school
 * retention schedules are written: "current year + 6"). A type with no period is kept until someone decides.
 *
 * @param years record type (a monitoring type such as {@code LESSON_VISIT}, or {@code CHALLENGE}) to years kept
 */
public record RetentionSchedule(Map<String, Integer> years) {

    public static final String CHALLENGE = "CHALLENGE";

    public RetentionSchedule {
        years = new TreeMap<>(years);
        years.forEach((type, n) -> {
            if (n == null || n < 1 || n > 100) {
                throw new IllegalArgumentException("Retention for " + type + " must be 1 to 100 years, not " + n);
            }
        });
    }

    public Optional<Integer> yearsFor(String recordType) {
        return Optional.ofNullable(years.get(recordType));
    }

    /** The last day the record is kept: 31 August of the academic year {@code years} after the one it was made in. */
    public Optional<LocalDate> retainedUntil(String recordType, LocalDate madeOn) {
        return yearsFor(recordType).map(n -> {
            int endOfItsYear = madeOn.getMonthValue() >= 9 ? madeOn.getYear() + 1 : madeOn.getYear();
            return LocalDate.of(endOfItsYear + n, 8, 31);
        });
    }

    public boolean expired(String recordType, LocalDate madeOn, LocalDate today) {
        return retainedUntil(recordType, madeOn).map(today::isAfter).orElse(false);
    }
}
