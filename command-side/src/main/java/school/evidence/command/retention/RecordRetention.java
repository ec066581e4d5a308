package school.evidence.command.retention;

import org.axonframework.eventsourcing.EventSourcingHandler;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.retention.RetentionCommands.PlaceLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ReleaseLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ShredRecord;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldPlaced;
import school.evidence.kernel.retention.RetentionEvents.LegalHoldReleased;
import school.evidence.kernel.retention.RetentionEvents.RecordShredded;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;

/**
 * The retention decisions every record with personal data shares (a member of its aggregate, so they are taken on
 * the record's own stream and cannot race its other changes): a record on legal hold is never shredded, and a
 * shredded record never changes again.
 */
public class RecordRetention {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private boolean held;
    private boolean shredded;

    public void placeHold(String recordId, String schoolUrn, PlaceLegalHold command) {
        notBlank(command.reason(), "reason");
        refuseIfShredded();
        if (held) {
            throw Rejection.conflict("recordId", "This record is already on legal hold");
        }
        apply(new LegalHoldPlaced(recordId, schoolUrn, command.reason().strip()));
    }

    public void releaseHold(String recordId, String schoolUrn, ReleaseLegalHold command) {
        notBlank(command.reason(), "reason");
        if (!held) {
            throw Rejection.conflict("recordId", "This record is not on legal hold");
        }
        apply(new LegalHoldReleased(recordId, schoolUrn, command.reason().strip()));
    }

    public void shred(String recordId, String schoolUrn, ShredRecord command) {
        refuseIfShredded();
        if (command.retainedUntil() == null || !LocalDate.now(SCHOOL_ZONE).isAfter(command.retainedUntil())) {
            throw Rejection.invalid("retainedUntil", "A record is shredded only after the last day it is kept");
        }
        if (held) {
            throw Rejection.conflict("recordId", "This record is on legal hold and is kept until the hold is released");
        }
        apply(new RecordShredded(recordId, schoolUrn, command.recordType(), command.retentionYears(),
                                 command.retainedUntil()));
    }

    public void refuseIfShredded() {
        if (shredded) {
            throw Rejection.conflict("recordId", "This record was shredded at the end of its retention period; it can "
                    + "no longer change");
        }
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        held = true;
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        held = false;
    }

    @EventSourcingHandler
    void on(RecordShredded event) {
        shredded = true;
    }
}
