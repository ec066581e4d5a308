package school.evidence.query.replay;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;

import java.util.List;

/** Operators rebuild projections from the ledger, or check that a rebuild would equal what is live. */
@RestController
@Tag(name = "Operations")
class ReplayController {

    private final ProjectionRebuild rebuild;

    ReplayController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @GetMapping("/api/operations/projections")
    List<String> projections() {
        return rebuild.groups();
    }

    /** Replays every event into a shadow copy and compares it with the live data, document by document. */
    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/api/operations/projections/{group}/comparison")
    ProjectionRebuild.Result compare(@PathVariable String group) {
        known(group);
        return rebuild.compare(group);
    }

    /** Rebuilds from the first event while the live data keeps answering, then swaps the rebuilt data in. */
    @Allowed(value = Who.OPERATORS, scope = ScopeKind.SERVICE)
    @PostMapping("/api/operations/projections/{group}/rebuild")
    ProjectionRebuild.Result rebuild(@PathVariable String group) {
        known(group);
        return rebuild.rebuildAndSwap(group);
    }

    private void known(String group) {
        if (!rebuild.groups().contains(group)) {
            throw Rejection.notFound("group", "No projection " + group + "; known: " + rebuild.groups());
        }
    }
}
