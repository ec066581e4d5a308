package school.evidence.command.monitoring;

import org.springframework.util.MultiValueMap;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;
import school.evidence.kernel.monitoring.Specifics;
import school.evidence.platform.pages.FormReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record-monitoring page's form, read into what a recording holds. What a person can get wrong while typing (a
 * date that is not one, a count in words, half a next step) is said here in plain words, against its field; the
 * domain's own rules are checked when the command is sent.
 */
final class MonitoringForm extends FormReader {

    static final int NEXT_STEP_ROWS = 3;

    private MonitoringForm(MultiValueMap<String, String> form) {
        super(form);
    }

    static MonitoringForm read(MultiValueMap<String, String> form) {
        return new MonitoringForm(form);
    }

    /** The details as typed, or null when something could not be read (then {@link #errors} says what). */
    MonitoringDetails details(MonitoringType type) {
        LocalDate occurredOn = date("occurredOn", "Enter the date it happened, for example 12 10 2023", true);
        String lead = text("lead");
        if (lead == null) {
            errors.put("lead", "Enter who led it, for example English lead");
        }
        Specifics.Part part = part(type); // in the order of the form, so the problems are listed as the fields are
        List<NextStep> steps = new ArrayList<>();
        for (int n = 1; n <= NEXT_STEP_ROWS; n++) {
            String what = text("step" + n + "-text");
            String who = text("step" + n + "-owner");
            boolean anyDate = !value("step" + n + "-due-day").isBlank() || !value("step" + n + "-due-month").isBlank()
                    || !value("step" + n + "-due-year").isBlank();
            if (what == null && who == null && !anyDate) {
                continue;
            }
            if (what == null) {
                errors.put("step" + n + "-text", "Say what next step " + n + " is");
            }
            if (who == null) {
                errors.put("step" + n + "-owner", "Say who will take next step " + n);
            }
            LocalDate due = date("step" + n + "-due", "Enter when next step " + n + " is due, for example 15 1 2027",
                                 true);
            steps.add(new NextStep(text("step" + n + "-id"), what, who, due)); // an amended step keeps its id
        }
        List<MonitoringDetails.NextStepCheck> checks = checks();
        if (!errors.isEmpty()) {
            return null;
        }
        String subject = text("subject");
        List<String> years = values("yearGroups");
        Set<PupilGroup> groups = values("pupilGroups").stream().map(PupilGroup::valueOf).collect(Collectors.toSet());
        MonitoringDetails.Focus focus = subject == null && years.isEmpty() && groups.isEmpty() ? null
                : new MonitoringDetails.Focus(subject, years, groups);
        return new MonitoringDetails(occurredOn, lead, focus, lines("strengths"), lines("areasForDevelopment"),
                                     values("actionIds"), lines("evidenceReferences"), steps, checks,
                                     "yes".equals(value("confidential")), Specifics.of(part));
    }

    /** The fields of the kind's own part, read by their names ({@code workScrutiny-sampleSize}...). */
    private Specifics.Part part(MonitoringType type) {
        return switch (type.ownFields()) {
            case "lessonVisit" -> new Specifics.LessonVisit(
                    choice(Specifics.VisitKind.class, "lessonVisit-kind"), text("lessonVisit-className"),
                    text("lessonVisit-teacher"), text("lessonVisit-teacherUserId"));
            case "learningWalk" -> new Specifics.LearningWalk(lines("learningWalk-classesVisited"));
            case "workScrutiny" -> new Specifics.WorkScrutiny(
                    count("workScrutiny-sampleSize", "Enter how many books or plans were looked at, as a number"),
                    byGroup("workScrutiny-sampleByGroup"));
            case "pupilVoice" -> new Specifics.PupilVoice(
                    count("pupilVoice-numberOfPupils", "Enter how many pupils took part, as a number"),
                    lines("pupilVoice-questionsAsked"), lines("pupilVoice-whatPupilsSaid"));
            case "progressMeeting" -> new Specifics.ProgressMeeting(text("progressMeeting-className"),
                    byGroup("progressMeeting-pupilsDiscussedByGroup"),
                    lines("progressMeeting-barriers"), lines("progressMeeting-interventionsAgreed"));
            case "deepDive" -> new Specifics.DeepDive(values("deepDive-bundledActivityIds"));
            case "governorVisit" -> new Specifics.GovernorVisit(text("governorVisit-governor"),
                    text("governorVisit-purpose"), text("governorVisit-priorityCode"));
            case "externalReview" -> new Specifics.ExternalReview(
                    choice(Specifics.ReviewerKind.class, "externalReview-reviewerKind"),
                    text("externalReview-reviewer"), text("externalReview-organisation"));
            case "dataAnalysis" -> new Specifics.DataAnalysis(text("dataAnalysis-dataset"), text("dataAnalysis-period"));
            case "moderation" -> new Specifics.Moderation(lines("moderation-partnerSchools"));
            default -> null;
        };
    }

    /** Earlier next steps this monitoring followed up: {@code check-<stepId>} is the outcome chosen, if any. */
    private List<MonitoringDetails.NextStepCheck> checks() {
        List<MonitoringDetails.NextStepCheck> checks = new ArrayList<>();
        for (String name : form.keySet()) {
            if (!name.startsWith("check-") || name.endsWith("-impact")) {
                continue;
            }
            MonitoringDetails.CheckOutcome outcome = choice(MonitoringDetails.CheckOutcome.class, name);
            if (outcome != null) {
                checks.add(new MonitoringDetails.NextStepCheck(name.substring("check-".length()), outcome,
                                                               text(name + "-impact")));
            }
        }
        return checks;
    }

    /** A count for each group of pupils ({@code <name>-SEND}...); blank boxes are left out; null when all are. */
    private Map<PupilGroup, Integer> byGroup(String name) {
        Map<PupilGroup, Integer> counts = new java.util.EnumMap<>(PupilGroup.class);
        for (PupilGroup group : PupilGroup.values()) {
            String typed = value(name + "-" + group).strip();
            if (typed.isEmpty()) {
                continue;
            }
            try {
                counts.put(group, Integer.valueOf(typed));
            } catch (NumberFormatException e) {
                errors.put(name, "Enter each group's count as a number, or leave it blank");
            }
        }
        return counts.isEmpty() ? null : counts;
    }

    private Integer count(String name, String problem) {
        String typed = value(name).strip();
        if (typed.isEmpty()) {
            return null; // the kind's rules say whether it is needed
        }
        try {
            return Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            errors.put(name, problem);
            return null;
        }
    }

    private <E extends Enum<E>> E choice(Class<E> type, String name) {
        String typed = value(name);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(typed)).findFirst().orElse(null);
    }
}
