package school.evidence.query.governance;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.platform.access.Caller;
import school.evidence.query.monitoring.MonitoringReads;
import school.evidence.query.plan.PlanView;

import java.time.LocalDate;
import java.util.List;

/**
 * What a governor's home page adds to the school's plan at a glance: the actions they are the link governor for, the
 * challenges they raised and where each stands, and the meetings and governor visits of the school. A governor is
 * matched by the name or sign-in id the plan and the log give (the link governor and "raised by" are typed names).
 */
@Component
public class GovernorHome {

    private final ChallengeLog log;
    private final MonitoringReads monitoring;

    GovernorHome(ChallengeLog log, MonitoringReads monitoring) {
        this.log = log;
        this.monitoring = monitoring;
    }

    public void fill(Model model, String urn, PlanView plan, LocalDate today) {
        Caller governor = Caller.current();
        List<PlanView.Action> linked = plan == null ? List.of() : plan.actions().stream()
                .filter(a -> !a.withdrawn() && isThem(a.governorLink(), governor)).toList();
        List<ChallengeRow> raised = ChallengeRow.of(
                log.challenges(urn, null, null, null, null).stream().filter(c -> isThem(c.raisedBy(), governor))
                   .toList().reversed(), ChallengeRow.actionNames(plan), today);
        model.addAttribute("linkedActions", linked);
        model.addAttribute("raised", raised);
        model.addAttribute("meetings", log.meetings(urn).reversed());
        model.addAttribute("visits", monitoring.ofType(urn, MonitoringType.GOVERNOR_VISIT, governor));
    }

    private static boolean isThem(String typed, Caller governor) {
        return typed != null && (typed.strip().equalsIgnoreCase(governor.name())
                || typed.strip().equalsIgnoreCase(governor.userId()));
    }
}
