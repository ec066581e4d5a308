package school.evidence.command.school;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolRegistered;
import school.evidence.kernel.school.SchoolCalendarSet;
import school.evidence.kernel.school.SchoolCommands.SetSchoolCalendar;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

class SchoolTest {

    private AggregateTestFixture<School> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(School.class);
    }

    @Test
    void registersASchoolByItsUrn() {
        fixture.givenNoPriorActivity()
               .when(new RegisterSchool("108520", " Usworth Colliery Primary School "))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SchoolRegistered("108520", "Usworth Colliery Primary School"));
    }

    @Test
    void refusesAUrnThatIsNotSixDigits() {
        fixture.givenNoPriorActivity()
               .when(new RegisterSchool("12", "Tiny"))
               .expectException(Rejection.class)
               .expectExceptionMessage("urn must be exactly six digits")
               .expectNoEvents();
    }

    static SchoolCalendar calendar2023() {
        Map<HalfTerm, SchoolCalendar.Term> terms = new EnumMap<>(HalfTerm.class);
        terms.put(HalfTerm.AUTUMN_1, new SchoolCalendar.Term(LocalDate.of(2023, 9, 5), LocalDate.of(2023, 10, 27)));
        terms.put(HalfTerm.AUTUMN_2, new SchoolCalendar.Term(LocalDate.of(2023, 11, 6), LocalDate.of(2023, 12, 20)));
        terms.put(HalfTerm.SPRING_1, new SchoolCalendar.Term(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 2, 9)));
        terms.put(HalfTerm.SPRING_2, new SchoolCalendar.Term(LocalDate.of(2024, 2, 19), LocalDate.of(2024, 3, 28)));
        terms.put(HalfTerm.SUMMER_1, new SchoolCalendar.Term(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 5, 24)));
        terms.put(HalfTerm.SUMMER_2, new SchoolCalendar.Term(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 7, 19)));
        return new SchoolCalendar("2023-24", terms);
    }

    @Test
    void setsTheSchoolsHalfTermDates() {
        fixture.given(new SchoolRegistered("108520", "Usworth"))
               .when(new SetSchoolCalendar("108520", calendar2023()))
               .expectEvents(new SchoolCalendarSet("108520", calendar2023()));
    }

    @Test
    void refusesACalendarWithAMissingOrOverlappingHalfTerm() {
        Map<HalfTerm, SchoolCalendar.Term> missing = new EnumMap<>(calendar2023().halfTerms());
        missing.remove(HalfTerm.SPRING_2);
        fixture.given(new SchoolRegistered("108520", "Usworth"))
               .when(new SetSchoolCalendar("108520", new SchoolCalendar("2023-24", missing)))
               .expectExceptionMessage("SPRING_2 needs a start and an end date").expectNoEvents();
        Map<HalfTerm, SchoolCalendar.Term> overlap = new EnumMap<>(calendar2023().halfTerms());
        overlap.put(HalfTerm.AUTUMN_2, new SchoolCalendar.Term(LocalDate.of(2023, 10, 20), LocalDate.of(2023, 12, 20)));
        fixture.given(new SchoolRegistered("108520", "Usworth"))
               .when(new SetSchoolCalendar("108520", new SchoolCalendar("2023-24", overlap)))
               .expectExceptionMessage("AUTUMN_2 must start after the previous half-term ends");
    }

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterSchool("108520", "  "))
               .expectException(Rejection.class)
               .expectNoEvents();
    }
}
