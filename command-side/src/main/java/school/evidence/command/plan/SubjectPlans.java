package school.evidence.command.plan;

import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.SubjectPlanDetails;

import java.util.List;

import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * The rules for subject leaders' plans inside a school's plan: a subject plan is named once, its actions sit in it as
 * the school's sit in sections, and only they support (link to) the school plan's live actions.
 */
final class SubjectPlans {
    private SubjectPlans() {
    }

    static SubjectPlanDetails checked(PlanState plan, String subjectPlanId, SubjectPlanDetails details) {
        notBlank(subjectPlanId, "subjectPlanId");
        if (plan.subjectPlanIds.contains(subjectPlanId) || plan.sectionIds.contains(subjectPlanId)) {
            throw Rejection.conflict("subjectPlanId", "The plan already has " + subjectPlanId);
        }
        notNull(details, "area");
        notBlank(details.area(), "area");
        notNull(details.kind(), "kind");
        notBlank(details.leader(), "leader");
        String area = details.area().strip();
        boolean taken = plan.subjectAreas.stream().anyMatch(a -> a.equalsIgnoreCase(area));
        if (taken) {
            throw Rejection.conflict("area", "The plan already has a subject plan for " + area);
        }
        String title = details.title() == null || details.title().isBlank() ? area + " action plan"
                : details.title().strip();
        return new SubjectPlanDetails(area, details.kind(), details.leader().strip(), title);
    }

    /** Where an action may be added: a section of the school's plan or a subject plan. */
    static void requireContainer(PlanState plan, String sectionId) {
        if (!plan.sectionIds.contains(sectionId) && !plan.subjectPlanIds.contains(sectionId)) {
            throw Rejection.invalid("sectionId", "The plan has no section " + sectionId);
        }
    }

    static void requireSubjectPlan(PlanState plan, String subjectPlanId) {
        if (!plan.subjectPlanIds.contains(subjectPlanId)) {
            throw Rejection.notFound("subjectPlanId", "The plan has no subject plan " + subjectPlanId);
        }
    }

    /**
     * The links an action in {@code sectionId} may have: none in a school section; in a subject plan, live actions
     * of the school's sections. Empty links are stored as none (null).
     */
    static ActionDetails checkedSupports(PlanState plan, String sectionId, ActionDetails details) {
        List<String> supports = details.supports();
        if (supports == null || supports.isEmpty()) {
            return details.withSupports(null);
        }
        if (!plan.subjectPlanIds.contains(sectionId)) {
            throw Rejection.invalid("supports", "Only a subject plan's actions support the school plan's actions");
        }
        List<String> unknown = supports.stream().filter(id -> {
            PlanState.ActionState a = plan.actions.get(id);
            return a == null || a.withdrawn() || !plan.sectionIds.contains(a.sectionId());
        }).toList();
        if (!unknown.isEmpty()) {
            throw Rejection.invalid("supports", "The school plan has no live action " + String.join(", ", unknown));
        }
        return details.withSupports(supports.stream().distinct().toList());
    }
}
