package school.evidence.command.plan;

import org.springframework.util.MultiValueMap;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.CostBasis;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.Timescale;
import school.evidence.platform.pages.FormReader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The forms that add or change an action (a school's or a trust's) or a success criterion, read into what the
 * commands take. A cost that is not an
 * amount, a blank title or no half-term ticked is said here in plain words; the plan's own rules (a priority the plan
 * does not have, a closed plan) come back from the command.
 */
public final class PlanForm extends FormReader {

    /** The fields the forms have; a refusal that names another field is shown against the reason. */
    private static final Set<String> ON_THE_FORMS = Set.of("title", "priorities", "leads", "governorLink", "resources",
                                                           "cost", "costBasis", "fundingSource", "startsOn", "endsOn", "monitoredBy", "evaluatedBy", "text", "halfTerms",
                                                           "reason");

    public PlanForm(MultiValueMap<String, String> form) {
        super(form);
    }

    /** The action as typed, or null when something could not be read (then {@link #errors} says what). */
    public ActionDetails actionDetails() {
        String title = required("title", "Enter what the action is");
        BigDecimal cost = pounds("cost");
        LocalDate startsOn = date("startsOn", "Enter the day it starts as a date, for example 1 9 2025", false);
        LocalDate endsOn = date("endsOn", "Enter the day it should be done as a date, for example 21 7 2028", false);
        CostBasis basis = Arrays.stream(CostBasis.values()).filter(b -> b.name().equals(value("costBasis")))
                                .findFirst().orElse(null);
        if (!errors.isEmpty()) {
            return null;
        }
        // A blank funding box clears the source; a basis without a cost is just the radio's default, not a claim.
        return new ActionDetails(title, values("priorities"), values("ofstedActions"), lines("leads"),
                                 text("governorLink"), text("resources"), cost, lines("monitoredBy"),
                                 lines("evaluatedBy"), new Timescale(startsOn, endsOn, "yes".equals(value("ongoing")),
                                                                     null), cost == null ? null : basis,
                                 value("fundingSource").strip());
    }

    /** The half-terms ticked, or null (and the problem said) when none was. */
    Set<HalfTerm> halfTerms() {
        Set<HalfTerm> ticked = EnumSet.noneOf(HalfTerm.class);
        for (String value : values("halfTerms")) {
            for (HalfTerm h : HalfTerm.values()) {
                if (h.name().equals(value)) {
                    ticked.add(h);
                }
            }
        }
        if (ticked.isEmpty()) {
            errors.put("halfTerms", "Choose the half-terms it is checked in");
            return null;
        }
        return ticked;
    }

    /**
     * The form's name for the field a refusal names ({@code costPounds} is the cost box; a milestone outside the
     * dates is said against the end date, where the span is given).
     */
    public String fieldOf(String domainField) {
        if ("costPounds".equals(domainField)) {
            return "cost";
        }
        if (domainField != null && domainField.startsWith("timescale.")) {
            return domainField.equals("timescale.startsOn") ? "startsOn" : "endsOn";
        }
        return domainField != null && ON_THE_FORMS.contains(domainField) ? domainField : "reason";
    }

    private BigDecimal pounds(String name) {
        String typed = value(name).strip().replace("£", "").replace(",", "");
        if (typed.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(typed);
            if (amount.signum() >= 0 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.put(name, "Enter the cost in pounds, for example 1200 or £1,200.50");
        return null;
    }
}
