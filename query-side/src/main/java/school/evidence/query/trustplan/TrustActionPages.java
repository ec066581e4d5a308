package school.evidence.query.trustplan;

import com.mongodb.client.MongoDatabase;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Rag;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import school.evidence.platform.access.Who;
import school.evidence.platform.pages.PageController;
import school.evidence.query.monitoring.MonitoringLookups;
import school.evidence.query.school.SchoolNames;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A trust action as one school that takes part in it sees it: what the trust planned, how it goes here (the school's
 * own judgement only), the school's monitoring citing it, and for its senior leaders and the trust's officers the
 * form to judge it. No other school taking part is named.
 */
@PageController
class TrustActionPages {

    private final TrustPlanReads reads;
    private final MongoDatabase database;
    private final SchoolNames names;

    TrustActionPages(TrustPlanReads reads, MongoDatabase database, SchoolNames names) {
        this.reads = reads;
        this.database = database;
        this.names = names;
    }

    @Allowed(value = Who.SCHOOL_READERS, scope = ScopeKind.SCHOOL)
    @GetMapping("/schools/{urn}/trust-actions/{actionId}")
    String action(@PathVariable String urn, @PathVariable String actionId, Model model) {
        TrustPlanView.SchoolAction action = reads.forSchool(urn).actions().stream()
                .filter(a -> a.actionId().equals(actionId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("actionId", "The school takes part in no trust action "
                        + actionId));
        LocalDate from = LocalDate.of(Integer.parseInt(action.fromYear().substring(0, 4)), 9, 1);
        LocalDate to = LocalDate.of(Integer.parseInt(action.toYear().substring(0, 4)) + 1, 8, 31);
        Caller reader = Caller.current();
        model.addAttribute("urn", urn);
        model.addAttribute("schoolName", names.of(urn));
        model.addAttribute("action", action);
        model.addAttribute("evidence", MonitoringLookups.citing(database, urn, actionId, from, to));
        model.addAttribute("mayJudge", reader.has(Role.SENIOR_LEADER) || reader.has(Role.TRUST_OFFICER));
        model.addAttribute("halfTerms", HalfTerm.values());
        model.addAttribute("rags", Rag.values());
        if (!model.containsAttribute("judgeForm")) { // a refused form comes back as typed (flash)
            model.addAttribute("judgeForm", Map.of("halfTerm", "", "status", "", "rationale", "",
                                                   "evidence", List.of()));
        }
        return "trust-action";
    }
}
