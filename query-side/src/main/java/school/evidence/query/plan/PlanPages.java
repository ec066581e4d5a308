package school.evidence.query.plan;

import school.evidence.platform.pages.AsOf;
import school.evidence.platform.pages.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.OfstedArea;
import school.evidence.kernel.plan.Rag;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.platform.access.Who;
import school.evidence.query.school.SchoolNames;
import school.evidence.query.trust.BodyReads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan and one action, as pages: RAG always as a tag that says its word, the Ofsted links under the framework
 * chosen, and either page as it stood at a moment chosen ({@code asOf}, in school time), with a banner while it is.
 * The judge-RAG form on the action page posts to the command side, which sends back here what was typed and why it
 * was refused when it was.
 */
@PageController
class PlanPages {

    private final PlanReads plans;
    private final SchoolNames names;
    private final BodyReads bodies;

    PlanPages(PlanReads plans, SchoolNames names, BodyReads bodies) {
        this.plans = plans;
        this.names = names;
        this.bodies = bodies;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/plans/{planId}")
    String plan(@PathVariable String planId, @RequestParam(required = false) OfstedArea.Framework framework,
                @RequestParam(required = false) String asOf, Model model) {
        Optional<Instant> at = AsOf.moment(asOf, model);
        PlanView plan = plans.plan(planId, framework, at.orElse(null));
        model.addAttribute("plan", plan);
        model.addAttribute("schoolName", names.of(plan.schoolUrn()));
        model.addAttribute("framework", framework);
        model.addAttribute("frameworks", List.of(OfstedArea.Framework.EIF_2019, OfstedArea.Framework.RENEWED_2025));
        return "plan";
    }

    /** A subject leader's plan: its actions with their RAG and what each supports, and its roll-up. */
    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/plans/{planId}/subject-plans/{subjectPlanId}")
    String subjectPlan(@PathVariable String planId, @PathVariable String subjectPlanId,
                       @RequestParam(required = false) String asOf, Model model) {
        Optional<Instant> at = AsOf.moment(asOf, model);
        PlanView plan = plans.plan(planId, null, at.orElse(null));
        PlanView.SubjectPlan subject = subjectPlanOf(plan, subjectPlanId);
        if (subject == null) {
            throw Rejection.notFound("subjectPlanId", "The plan has no subject plan " + subjectPlanId);
        }
        model.addAttribute("plan", plan);
        model.addAttribute("schoolName", names.of(plan.schoolUrn()));
        model.addAttribute("subjectPlan", subject);
        model.addAttribute("actions", plan.actions().stream().filter(a -> subjectPlanId.equals(a.sectionId())).toList());
        return "subject-plan";
    }

    private static PlanView.SubjectPlan subjectPlanOf(PlanView plan, String id) {
        return plan.subjectPlans() == null ? null : plan.subjectPlans().stream()
                .filter(s -> s.subjectPlanId().equals(id)).findFirst().orElse(null);
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.PLAN)
    @GetMapping("/plans/{planId}/actions/{actionId}")
    String action(@PathVariable String planId, @PathVariable String actionId,
                  @RequestParam(required = false) String asOf, Model model) {
        Optional<Instant> at = AsOf.moment(asOf, model);
        Caller reader = Caller.current();
        PlanView plan = plans.plan(planId, null, at.orElse(null));
        PlanView.Action action = plan.actions().stream().filter(a -> a.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("actionId", "The plan has no action " + actionId));
        ActionTimeline timeline = plans.timeline(planId, actionId, at.orElse(null), reader);
        model.addAttribute("plan", plan);
        model.addAttribute("action", action);
        model.addAttribute("timeline", timeline.entries().reversed());
        model.addAttribute("evidence", ActionEvidence.choices(timeline));
        model.addAttribute("subjectPlan", subjectPlanOf(plan, action.sectionId()));
        model.addAttribute("monitoredBy", bodies.named(plan.schoolUrn(), action.monitoredBy()));
        model.addAttribute("evaluatedBy", bodies.named(plan.schoolUrn(), action.evaluatedBy()));
        boolean judges = reader.has(Role.SENIOR_LEADER) && at.isEmpty() && !action.withdrawn();
        model.addAttribute("mayJudge", judges);
        model.addAttribute("halfTerms", HalfTerm.values());
        model.addAttribute("rags", Rag.values());
        if (!model.containsAttribute("judgeForm")) { // a refused form comes back as typed (flash)
            model.addAttribute("judgeForm", Map.of("halfTerm", currentHalfTerm(planId), "status", "",
                                                   "rationale", "", "evidence", List.of()));
        }
        return "action";
    }

    private String currentHalfTerm(String planId) {
        Optional<SchoolCalendar> calendar = plans.calendarOf(planId);
        HalfTerm now = calendar.map(c -> c.halfTermOf(LocalDate.now(PlanReads.SCHOOL_ZONE))).orElse(null);
        return now == null ? "" : now.name();
    }
}
