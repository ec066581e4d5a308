package school.evidence.query.backup;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;

import java.util.List;

/** Backups for operators: what there is, how old, what a restore brought back, and a backup now. */
@RestController
@Tag(name = "Operations")
class BackupController {

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    record Status(boolean configured, String folder, Long ageSeconds, String lastFailure,
                  List<Backups.Listed> archives, Backups.RestoredFrom restoredFrom) {
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @GetMapping("/api/operations/backups")
    Status status() {
        return new Status(backups.configured(), backups.configured() ? backups.properties().folder().toString() : null,
                          backups.age().map(java.time.Duration::toSeconds).orElse(null),
                          backups.lastFailure().orElse(null), backups.listed(), backups.restoredFrom().orElse(null));
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/api/operations/backups")
    @ResponseStatus(HttpStatus.CREATED)
    Backups.Made backUp() {
        return backups.backUpNow();
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/api/operations/backups/schools/{urn}")
    @ResponseStatus(HttpStatus.CREATED)
    Backups.Made backUpSchool(@PathVariable String urn) {
        return backups.backUpSchool(urn);
    }
}
