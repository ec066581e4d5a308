package school.evidence.query.selfevaluation;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.selfevaluation.Toolkit;
import school.evidence.query.selfevaluation.SelfEvaluation.Rated;
import school.evidence.query.selfevaluation.SelfEvaluation.StandardHistory;
import school.evidence.query.selfevaluation.SelfEvaluation.ToolkitView;

import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Self-evaluation")
class SelfEvaluationQueryController {

    private final SelfEvaluations evaluations;

    SelfEvaluationQueryController(SelfEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** The toolkit: core elements, their quality standards and the rating scale. */
    @Allowed(value = Who.SCHOOL_READERS_AND_OPERATORS, scope = ScopeKind.SERVICE)
    @GetMapping("/api/self-evaluation/toolkit")
    ToolkitView toolkit() {
        return new ToolkitView(Toolkit.RATINGS, Toolkit.ELEMENTS);
    }

    /** A school's self-evaluations, oldest first. */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/self-evaluations")
    List<SelfEvaluation> evaluations(@PathVariable String urn) {
        return evaluations.of(urn);
    }

    /** How one quality standard (e.g. 6/G) was rated over time. */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/self-evaluations/standards/{coreElement}/{standard}")
    StandardHistory history(@PathVariable String urn, @PathVariable int coreElement, @PathVariable String standard) {
        String title = Toolkit.standard(coreElement, standard).orElseThrow(
                () -> Rejection.notFound("standard", "The toolkit has no quality standard " + coreElement + standard));
        List<Rated> history = new ArrayList<>();
        for (SelfEvaluation evaluation : evaluations.of(urn)) {
            for (SelfEvaluation.Rating rating : evaluation.ratings()) {
                if (rating.coreElement() == coreElement && standard.equals(rating.standard())) {
                    history.add(new Rated(evaluation.evaluatedOn(), evaluation.evaluationId(), rating.rating(),
                                          rating.evidenceNotes(), rating.actionNotes()));
                }
            }
        }
        return new StandardHistory(coreElement, standard, title, history);
    }

    /** The most recent self-evaluation, or 404 if the school has none. */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/api/schools/{urn}/self-evaluations/latest")
    SelfEvaluation latest(@PathVariable String urn) {
        List<SelfEvaluation> all = evaluations.of(urn);
        if (all.isEmpty()) {
            throw Rejection.notFound("urn", "School " + urn + " has recorded no self-evaluation");
        }
        return all.get(all.size() - 1);
    }
}
