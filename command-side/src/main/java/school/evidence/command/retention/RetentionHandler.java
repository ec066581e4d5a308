package school.evidence.command.retention;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import school.evidence.command.governance.Challenge;
import school.evidence.command.monitoring.MonitoringActivity;
import school.evidence.kernel.retention.RecordKind;
import school.evidence.kernel.retention.RetentionCommands.PlaceLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ReleaseLegalHold;
import school.evidence.kernel.retention.RetentionCommands.ShredRecord;

import java.util.function.Consumer;

/** Routes the retention commands, which every kind of record shares, to the record's own aggregate. */
@Component
class RetentionHandler {

    private final Repository<MonitoringActivity> activities;
    private final Repository<Challenge> challenges;

    RetentionHandler(Repository<MonitoringActivity> activities, Repository<Challenge> challenges) {
        this.activities = activities;
        this.challenges = challenges;
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        on(command.kind(), command.recordId(),
           r -> r.retention().placeHold(r.recordId(), r.schoolUrn(), command));
    }

    @CommandHandler
    void handle(ReleaseLegalHold command) {
        on(command.kind(), command.recordId(),
           r -> r.retention().releaseHold(r.recordId(), r.schoolUrn(), command));
    }

    @CommandHandler
    void handle(ShredRecord command) {
        on(command.kind(), command.recordId(), r -> r.retention().shred(r.recordId(), r.schoolUrn(), command));
    }

    private void on(RecordKind kind, String recordId, Consumer<RetainedRecord> decision) {
        switch (kind) {
            case MONITORING_ACTIVITY -> decide(activities.load(recordId), decision);
            case CHALLENGE -> decide(challenges.load(recordId), decision);
        }
    }

    private static <T extends RetainedRecord> void decide(Aggregate<T> record, Consumer<RetainedRecord> decision) {
        record.execute(decision::accept);
    }
}
