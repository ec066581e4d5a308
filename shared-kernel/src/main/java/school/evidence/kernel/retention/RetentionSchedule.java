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

    /**
     * The periods a school starts from (an operator may change or remove each): six years after the year of the
     * record for monitoring and challenge, three for pupil voice and pupil progress meetings, which name pupils.
     */
    public static final Map<String, Integer> DEFAULT_YEARS;

    static {
        Map<String, Integer> defaults = new TreeMap<>();
        for (school.evidence.kernel.monitoring.MonitoringType type : school.evidence.kernel.monitoring.MonitoringType.values()) {
            defaults.put(type.name(), 6);
        }
        defaults.put(school.evidence.kernel.monitoring.MonitoringType.PUPIL_VOICE.name(), 3);
        defaults.put(school.evidence.kernel.monitoring.MonitoringType.PUPIL_PROGRESS_MEETING.name(), 3);
        defaults.put(CHALLENGE, 6);
        DEFAULT_YEARS = Map.copyOf(defaults);
    }

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
