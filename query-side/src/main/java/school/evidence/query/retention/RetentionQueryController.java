package school.evidence.query.retention;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A school's retention at a glance, for senior leaders: the periods in force, the records on legal hold, the records
 * whose period ends within the next year (so a hold can be placed in time), and what the retention job has shredded.
 */
@RestController
@Tag(name = "Personal data")
class RetentionQueryController {

    private final RetentionRegister register;

    RetentionQueryController(RetentionRegister register) {
        this.register = register;
    }

    // ids, dates and types only; still, for the school's senior leaders
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/retention")
    RetentionView retention(@PathVariable String urn) {
        return register.of(urn, LocalDate.now(ZoneId.of("Europe/London")));
    }
}
