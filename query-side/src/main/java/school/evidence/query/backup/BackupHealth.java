package school.evidence.query.backup;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Health component "backups": DEGRADED when the newest archive is older than {@code evidence.backup.stale-after}
 * (or there is none once the service has run that long), or the last attempt failed. Not part of readiness: a
 * stale backup is for an operator to fix, not a reason to stop serving.
 */
@Component("backupsHealthIndicator")
class BackupHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "The service works, but something needs an operator");

    private final Backups backups;

    BackupHealth(Backups backups) {
        this.backups = backups;
    }

    @Override
    public Health health() {
        if (!backups.configured()) {
            return Health.up().withDetail("backups", "off: evidence.backup.folder is not set").build();
        }
        Duration stale = backups.properties().staleAfter();
        Health.Builder health = Health.up();
        var newest = backups.newest();
        if (newest.isEmpty()) {
            Duration up = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
            health = up.compareTo(stale) > 0 ? Health.status(DEGRADED) : Health.up();
            health.withDetail("newest", "none yet");
        } else {
            Duration age = backups.age().orElse(Duration.ZERO);
            if (age.compareTo(stale) > 0) {
                health = Health.status(DEGRADED);
            }
            health.withDetail("newest", newest.get().name()).withDetail("takenAt", newest.get().manifest().takenAt())
                  .withDetail("ageSeconds", age.toSeconds());
        }
        if (backups.lastFailure().isPresent()) {
            health.status(DEGRADED).withDetail("lastFailure", backups.lastFailure().get());
        }
        return health.withDetail("staleAfter", stale.toString()).build();
    }
}
