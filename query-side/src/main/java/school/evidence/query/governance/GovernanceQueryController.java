package school.evidence.query.governance;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.query.governance.ChallengeLog.Status;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Governance")
class GovernanceQueryController {

    private final ChallengeLog log;

    GovernanceQueryController(ChallengeLog log) {
        this.log = log;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/meetings")
    List<Meeting> meetings(@PathVariable String urn) {
        return log.meetings(urn);
    }

    List<Challenge> challenges(String urn, String priorityCode, String actionId, Status status) {
        return challenges(urn, priorityCode, actionId, status, null);
    }

    /**
     * The challenge log of a school, oldest first; narrow it to a priority, an action or a status;
     * {@code asOf=<instant>} shows it as it stood then.
     */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/challenges")
    List<Challenge> challenges(@PathVariable String urn,
                               @RequestParam(required = false) String priorityCode,
                               @RequestParam(required = false) String actionId,
                               @RequestParam(required = false) Status status,
                               @RequestParam(required = false) Instant asOf) {
        return log.challenges(urn, priorityCode, actionId, status, asOf);
    }
}
