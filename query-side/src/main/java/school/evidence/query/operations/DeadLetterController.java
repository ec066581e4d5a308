package school.evidence.query.operations;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Who;
import school.evidence.query.operations.DeadLetters.Letter;
import school.evidence.query.operations.DeadLetters.Retry;

import java.util.List;
import java.util.Map;

/** The parked events of each projection, for operators, and retrying them once the fault is fixed ({@link DeadLetters}). */
@RestController
@Tag(name = "Operations")
class DeadLetterController {

    private final DeadLetters letters;

    DeadLetterController(DeadLetters letters) {
        this.letters = letters;
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @GetMapping("/api/operations/dead-letters")
    Map<String, List<Letter>> deadLetters() {
        return letters.all();
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/api/operations/dead-letters/{group}/retry")
    Retry retry(@PathVariable String group) {
        return letters.retry(group);
    }
}
