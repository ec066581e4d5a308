package school.evidence.query.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code evidence.backup.*}: where archives go (unset: no backups; put it on another disk than the store), when the
 * daily one runs, how many are kept, and when health turns DEGRADED.
 *
 * @param fullEvery  a new full archive after this many in a chain (the others are incremental)
 * @param keepDaily  the newest archive of each of this many days is kept, with the archives it needs
 * @param keepWeekly the newest full archive of each of this many weeks is kept
 * @param staleAfter health is DEGRADED when the newest archive is older than this
 */
@ConfigurationProperties("evidence.backup")
public record BackupProperties(Path folder, @DefaultValue("0 30 1 * * *") String cron, @DefaultValue("7") int fullEvery,
                               @DefaultValue("7") int keepDaily, @DefaultValue("4") int keepWeekly,
                               @DefaultValue("36h") Duration staleAfter) {

    public BackupProperties {
        if (fullEvery < 1 || keepDaily < 1 || keepWeekly < 0) {
            throw new IllegalArgumentException("evidence.backup.full-every and keep-daily must be at least 1, "
                                                       + "keep-weekly at least 0");
        }
    }
}
