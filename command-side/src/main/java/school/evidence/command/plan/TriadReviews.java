package school.evidence.command.plan;

import school.evidence.command.triad.TriadLookup;
import school.evidence.command.triad.TriadLookup.TriadFacts;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.PlanEvents.ActionAdded;
import school.evidence.kernel.triad.Term;
import school.evidence.kernel.triad.TriadCommands.AgreedAction;
import school.evidence.kernel.triad.TriadCommands.RecordTriadReview;
import school.evidence.kernel.triad.TriadEvents.RotaSlot;
import school.evidence.kernel.triad.TriadEvents.TriadReviewRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * The rules for a triad's review of the plan's school: the school's own trust's triad for the plan's year, in the term
 * the rota gives the school, once; reviewed within that year, with a focus.
 */
final class TriadReviews {

    static final int MAX_ACTIONS = 20;

    private TriadReviews() {
    }

    static TriadReviewRecorded recorded(PlanState plan, RecordTriadReview command, TriadLookup triads) {
        notBlank(command.triadId(), "triadId");
        TriadFacts triad = triads.find(command.trustId(), command.triadId()).orElseThrow(
                () -> Rejection.invalid("triadId", "The trust has no triad " + command.triadId()));
        if (triad.rota().stream().noneMatch(slot -> slot.schoolUrn().equals(plan.schoolUrn))) {
            throw Rejection.invalid("triadId", "School " + plan.schoolUrn + " is not in triad " + command.triadId());
        }
        if (!triad.academicYear().equals(plan.academicYear)) {
            throw Rejection.invalid("triadId", "Triad " + command.triadId() + " is for " + triad.academicYear()
                    + ": its reviews go in that year's plan");
        }
        notNull(command.term(), "term");
        RotaSlot slot = triad.rota().stream().filter(s -> s.term() == command.term()).findFirst().orElseThrow();
        if (!slot.schoolUrn().equals(plan.schoolUrn)) {
            Term own = triad.rota().stream().filter(s -> s.schoolUrn().equals(plan.schoolUrn)).findFirst()
                            .orElseThrow().term();
            throw Rejection.invalid("term", "In the " + command.term().label().toLowerCase() + " the triad reviews "
                    + "another school; this school's review is in the " + own.label().toLowerCase());
        }
        if (plan.triadReviews.contains(command.triadId() + "#" + command.term())) {
            throw Rejection.conflict("term", "The triad's " + command.term().label().toLowerCase()
                    + " review is already recorded");
        }
        notNull(command.reviewedOn(), "reviewedOn");
        LocalDate yearStart = LocalDate.of(Integer.parseInt(plan.academicYear.substring(0, 4)), 9, 1);
        if (command.reviewedOn().isBefore(yearStart) || !command.reviewedOn().isBefore(yearStart.plusYears(1))) {
            throw Rejection.invalid("reviewedOn", "The review must fall in the academic year " + plan.academicYear);
        }
        notBlank(command.focus(), "focus");
        texts(command.findings(), "findings", 50);
        texts(command.reviewers(), "reviewers", 10);
        if (command.actions().size() > MAX_ACTIONS) {
            throw Rejection.invalid("actions", "Up to " + MAX_ACTIONS + " agreed actions per review");
        }
        List<String> reviewing = triad.rota().stream().map(RotaSlot::schoolUrn)
                                      .filter(urn -> !urn.equals(plan.schoolUrn)).toList();
        return new TriadReviewRecorded(plan.planId, plan.schoolUrn, command.reviewId(), triad.trustId(),
                                       triad.triadId(), command.term(), command.reviewedOn(), reviewing,
                                       stripped(command.reviewers()), command.focus().strip(),
                                       stripped(command.findings()),
                                       command.actions().stream().map(a -> a.actionId()).toList());
    }

    /** The agreed actions as actions of the plan's sections; a refusal names the action by its place in the list. */
    static List<ActionAdded> agreedActions(PlanState plan, List<AgreedAction> actions,
                                           UnaryOperator<ActionDetails> checked) {
        List<ActionAdded> agreed = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < actions.size(); i++) {
            AgreedAction action = actions.get(i);
            String at = "actions[" + i + "].";
            if (action.sectionId() == null || !plan.sectionIds.contains(action.sectionId())) {
                throw Rejection.invalid(at + "sectionId", "The plan has no section " + action.sectionId());
            }
            notBlank(action.number(), at + "number");
            String number = action.number().strip();
            if (plan.actionNumbers.contains(action.sectionId() + "#" + number)
                    || !numbers.add(action.sectionId() + "#" + number)) {
                throw Rejection.conflict(at + "number", "The section already has an action " + number);
            }
            try {
                agreed.add(new ActionAdded(plan.planId, plan.schoolUrn, action.actionId(), action.sectionId(),
                                           number, checked.apply(action.details())));
            } catch (Rejection r) {
                throw new Rejection(r.kind(), at + r.field(), r.getMessage());
            }
        }
        return agreed;
    }

    private static void texts(List<String> texts, String field, int max) {
        if (texts.size() > max || texts.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw Rejection.invalid(field, "Up to " + max + " entries, none of them blank");
        }
    }

    private static List<String> stripped(List<String> texts) {
        return texts.stream().map(String::strip).toList();
    }
}
