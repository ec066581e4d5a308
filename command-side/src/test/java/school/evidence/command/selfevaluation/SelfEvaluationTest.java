package school.evidence.command.selfevaluation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.Rating;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.RecordSelfEvaluation;
import school.evidence.kernel.selfevaluation.SelfEvaluationRecorded;

import java.time.LocalDate;
import java.util.List;

class SelfEvaluationTest {

    private static final LocalDate DAY = LocalDate.of(2023, 10, 2);
    private static final Rating TRACKING = new Rating(2, "A", 2, "SEF 4b", "Termly data drops analysed by SLT",
                                                      "Map intervention entry/exit data - DHT - Spring 1");
    private static final Rating CONFERENCING = new Rating(6, "G", 3, null, "Pupil voice in few subjects",
                                                          "Pupil conferencing termly in every subject - AHT - Summer");
    private AggregateTestFixture<SelfEvaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SelfEvaluation.class);
        fixture.registerInjectableResource((SchoolDirectory) "108520"::equals);
    }

    @Test
    void recordsDatedRatingsOfToolkitStandards() {
        fixture.givenNoPriorActivity()
               .when(new RecordSelfEvaluation("e1", "108520", DAY, List.of(TRACKING, CONFERENCING)))
               .expectEvents(new SelfEvaluationRecorded("e1", "108520", DAY, List.of(TRACKING, CONFERENCING)));
    }

    @Test
    void refusesUnknownStandardsDuplicatesOutOfRangeRatingsAndMissingNotes() {
        for (Rating bad : List.of(new Rating(2, "G", 1, null, "e", null), new Rating(3, "A", 1, null, "e", null),
                                  new Rating(6, "A", 5, null, "e", "a"), new Rating(6, "A", 0, null, "e", "a"),
                                  new Rating(6, "A", 1, null, " ", null), new Rating(6, "A", 4, null, "e", null))) {
            fixture.givenNoPriorActivity()
                   .when(new RecordSelfEvaluation("e1", "108520", DAY, List.of(bad)))
                   .expectException(Rejection.class).expectNoEvents();
        }
        fixture.givenNoPriorActivity()
               .when(new RecordSelfEvaluation("e1", "108520", DAY, List.of(TRACKING, TRACKING)))
               .expectExceptionMessage("Standard 2A is rated twice");
        fixture.givenNoPriorActivity()
               .when(new RecordSelfEvaluation("e1", "999999", DAY, List.of(TRACKING)))
               .expectException(Rejection.class);
    }
}
