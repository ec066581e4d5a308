package school.evidence.command.school;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolRegistered;

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

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterSchool("108520", "  "))
               .expectException(Rejection.class)
               .expectNoEvents();
    }
}
