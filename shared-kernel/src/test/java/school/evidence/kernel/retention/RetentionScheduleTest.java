package school.evidence.kernel.retention;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionScheduleTest {

    private final RetentionSchedule schedule = new RetentionSchedule(Map.of("LESSON_VISIT", 6, "PUPIL_VOICE", 3));

    @Test
    void keepsARecordForWholeAcademicYearsAfterTheOneItWasMadeIn() {
        // made in 2023-24 (which ends 31 August 2024): kept until 31 August 2030
        assertThat(schedule.retainedUntil("LESSON_VISIT", LocalDate.of(2023, 10, 12))).contains(LocalDate.of(2030, 8, 31));
        assertThat(schedule.retainedUntil("LESSON_VISIT", LocalDate.of(2024, 8, 31))).contains(LocalDate.of(2030, 8, 31));
        // 1 September starts the next academic year
        assertThat(schedule.retainedUntil("LESSON_VISIT", LocalDate.of(2024, 9, 1))).contains(LocalDate.of(2031, 8, 31));
        assertThat(schedule.retainedUntil("PUPIL_VOICE", LocalDate.of(2021, 3, 1))).contains(LocalDate.of(2024, 8, 31));
    }

    @Test
    void expiresTheDayAfterTheLastDayKept() {
        LocalDate made = LocalDate.of(2020, 3, 1);
        assertThat(schedule.expired("PUPIL_VOICE", made, LocalDate.of(2023, 8, 31))).isFalse();
        assertThat(schedule.expired("PUPIL_VOICE", made, LocalDate.of(2023, 9, 1))).isTrue();
    }

    @Test
    void aTypeWithoutAPeriodIsKept() {
        assertThat(schedule.retainedUntil("CHALLENGE", LocalDate.of(2001, 1, 1))).isEmpty();
        assertThat(schedule.expired("CHALLENGE", LocalDate.of(2001, 1, 1), LocalDate.of(2099, 1, 1))).isFalse();
    }

    @Test
    void refusesPeriodsThatAreNotWholeYears() {
        assertThatThrownBy(() -> new RetentionSchedule(Map.of("LESSON_VISIT", 0)))
                .hasMessageContaining("LESSON_VISIT must be 1 to 100 years");
    }
}
