package school.evidence.command.retention;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import school.evidence.command.monitoring.MonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionCommands.PlaceLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ReleaseLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ShredRecord;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldPlaced;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldReleased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;

import java.time.LocalDate;
import java.util.List;

/** Legal hold and shredding, decided on the record's own stream (here a monitoring activity). */
class RecordRetentionTest {

    private static final String URN = "108520";
    private static final LocalDate UNTIL = LocalDate.of(2026, 8, 31);
    private static final MonitoringActivityRecorded RECORDED = new MonitoringActivityRecorded(
            "v1", URN, null, MonitoringType.LESSON_VISIT,
            new MonitoringDetails(LocalDate.of(2019, 10, 10), "DHT", null, List.of("Sharp questioning"), List.of(),
                                  List.of()));
    private static final ShredRecord SHRED = new ShredRecord("v1", RecordKind.MONITORING_ACTIVITY, "LESSON_VISIT", 6,
                                                             UNTIL);

    private AggregateTestFixture<MonitoringActivity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonitoringActivity.class);
        fixture.registerAnnotatedCommandHandler(new RetentionHandler(fixture.getRepository(), null));
    }

    @Test
    void shredsARecordPastItsPeriod() {
        fixture.given(RECORDED).when(SHRED)
               .expectEvents(new RecordShredded("v1", URN, "LESSON_VISIT", 6, UNTIL));
    }

    @Test
    void neverShredsBeforeTheLastDayKeptHasPassed() {
        fixture.given(RECORDED)
               .when(new ShredRecord("v1", RecordKind.MONITORING_ACTIVITY, "LESSON_VISIT", 6,
                                     LocalDate.now().plusDays(1)))
               .expectExceptionMessage("A record is shredded only after the last day it is kept").expectNoEvents();
    }

    @Test
    void aRecordOnLegalHoldIsKept() {
        fixture.given(RECORDED, new LegalHoldPlaced("v1", URN, "Claim"))
               .when(SHRED)
               .expectExceptionMessage("This record is on legal hold and is kept until the hold is released")
               .expectNoEvents();
    }

    @Test
    void aReleasedHoldLetsTheRecordBeShredded() {
        fixture.given(RECORDED, new LegalHoldPlaced("v1", URN, "Claim"), new LegalHoldReleased("v1", URN, "Settled"))
               .when(SHRED).expectEvents(new RecordShredded("v1", URN, "LESSON_VISIT", 6, UNTIL));
    }

    @Test
    void holdsNeedAReasonAndAreNotDoubled() {
        fixture.given(RECORDED).when(new PlaceLegalHold("v1", RecordKind.MONITORING_ACTIVITY, " "))
               .expectExceptionMessage("reason must not be blank").expectNoEvents();
        fixture.given(RECORDED, new LegalHoldPlaced("v1", URN, "Claim"))
               .when(new PlaceLegalHold("v1", RecordKind.MONITORING_ACTIVITY, "Another"))
               .expectExceptionMessage("This record is already on legal hold").expectNoEvents();
        fixture.given(RECORDED).when(new ReleaseLegalHold("v1", RecordKind.MONITORING_ACTIVITY, "Nothing held"))
               .expectExceptionMessage("This record is not on legal hold").expectNoEvents();
    }

    @Test
    void aShreddedRecordNeverChangesAgain() {
        RecordShredded shredded = new RecordShredded("v1", URN, "LESSON_VISIT", 6, UNTIL);
        fixture.given(RECORDED, shredded).when(new RetractMonitoringActivity("v1", "Tidying up"))
               .expectExceptionMessage("This record was shredded at the end of its retention period; it can no "
                                               + "longer change").expectNoEvents();
        fixture.given(RECORDED, shredded).when(SHRED).expectNoEvents();
        fixture.given(RECORDED, shredded).when(new PlaceLegalHold("v1", RecordKind.MONITORING_ACTIVITY, "Late"))
               .expectNoEvents();
    }
}
