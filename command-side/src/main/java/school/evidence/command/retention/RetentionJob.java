package school.evidence.command.retention;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.retention.RetentionCommands.ShredRecord;
import school.evidence.kernel.retention.RetentionSchedule;
import school.evidence.platform.axon.ClusterLeases;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.platform.axon.CommandMetadata;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shreds the records whose retention period has ended: for each, the record's aggregate records
 * {@code RecordShredded} (it refuses a record on legal hold), then the record's key is destroyed. If the process
 * stops between the two, the next run finds the event and destroys the key. Safe to run on several nodes at once:
 * the second attempt on a record is refused as already shredded.
 */
@Component
public class RetentionJob {

    public record Run(LocalDate on, int examined, List<String> shredded, List<String> keptOnHold,
                      int keysDestroyedLate, List<String> failed) {
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    /** Who the ledger says shredded a record. */
    static final String ACTOR = "retention-schedule";

    private final LedgerRetentionRecords records;
    private final RetentionSchedule schedule;
    private final CommandGateway commands;
    private final SubjectKeys keys;

    private final ClusterLeases leases;

    RetentionJob(LedgerRetentionRecords records, RetentionSchedule schedule, CommandGateway commands,
                 SubjectKeys keys, ClusterLeases leases) {
        this.leases = leases;
        this.records = records;
        this.schedule = schedule;
        this.commands = commands;
        this.keys = keys;
    }

    @Scheduled(cron = "${evidence.retention.cron:0 30 2 * * *}", zone = "Europe/London")
    void nightly() {
        if (!leases.take("retention", java.time.Duration.ofHours(1))) {
            return; // another command-side node runs it tonight
        }
        Run run = run(LocalDate.now(SCHOOL_ZONE));
        log.info("Retention run {}: {} records examined, {} shredded, {} kept on legal hold, {} failed", run.on(),
                 run.examined(), run.shredded().size(), run.keptOnHold().size(), run.failed().size());
    }

    public Run run(LocalDate today) {
        List<String> shredded = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int late = 0;
        int examined = 0;
        for (LedgerRetentionRecords.Retained record : records.all()) {
            examined++;
            if (record.shredded()) {
                // recorded by an earlier run that stopped before destroying the key
                if (keys.erase(SubjectKeys.record(record.recordId())).isPresent()) {
                    late++;
                }
                continue;
            }
            if (!schedule.expired(record.recordType(), record.madeOn(), today)) {
                continue;
            }
            if (record.held()) {
                held.add(record.recordId());
                continue;
            }
            int years = schedule.yearsFor(record.recordType()).orElseThrow();
            LocalDate until = schedule.retainedUntil(record.recordType(), record.madeOn()).orElseThrow();
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ShredRecord(record.recordId(), record.kind(), record.recordType(), years, until))
                        .andMetaData(MetaData.from(Map.of(
                                CommandMetadata.ACTOR, ACTOR, CommandMetadata.ACTOR_ROLE, "SYSTEM",
                                CommandMetadata.REASON, "%s records are kept %d years after the academic year they "
                                        .formatted(record.recordType(), years) + "were made in; kept until " + until))));
                keys.erase(SubjectKeys.record(record.recordId()));
                shredded.add(record.recordId());
            } catch (RuntimeException e) {
                Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof Rejection) {
                    held.add(record.recordId()); // placed on hold (or shredded by another node) since the ledger was read
                } else {
                    log.warn("Could not shred record {}: {}", record.recordId(), e.toString());
                    failed.add(record.recordId());
                }
            }
        }
        return new Run(today, examined, shredded, held, late, failed);
    }
}
