package school.evidence.query.monitoring;

import school.evidence.kernel.monitoring.MonitoringType;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's current version as the record form's values, so an amendment starts from what the record says and the
 * leader changes only what was wrong. Field names are the form's ({@code workScrutiny-sampleSize}); the next steps
 * keep their ids, so amending one does not make it a new step.
 */
final class AmendValues {

    private AmendValues() {
    }

    static Map<String, List<String>> of(ActivityDetails d, MonitoringType type) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        date(v, "occurredOn", d.occurredOn());
        one(v, "lead", d.lead());
        if (d.focus() != null) {
            one(v, "subject", d.focus().subject());
            v.put("yearGroups", List.copyOf(d.focus().yearGroups()));
            v.put("pupilGroups", List.copyOf(d.focus().pupilGroups()));
        }
        lines(v, "strengths", d.strengths());
        lines(v, "areasForDevelopment", d.areasForDevelopment());
        lines(v, "evidenceReferences", d.evidenceReferences());
        v.put("actionIds", List.copyOf(d.actionIds()));
        int n = 0;
        for (ActivityDetails.NextStep step : d.nextSteps()) {
            n++;
            one(v, "step" + n + "-id", step.stepId());
            one(v, "step" + n + "-text", step.text());
            one(v, "step" + n + "-owner", step.owner());
            date(v, "step" + n + "-due", step.dueOn());
        }
        for (ActivityDetails.NextStepCheck check : d.nextStepChecks()) {
            one(v, "check-" + check.nextStepId(), check.outcome());
            one(v, "check-" + check.nextStepId() + "-impact", check.impact());
        }
        if (Boolean.TRUE.equals(d.confidential())) {
            one(v, "confidential", "yes");
        }
        own(v, type.ownFields(), part(d, type.ownFields()));
        return v;
    }

    /** The kind's own fields, read from its record's components: lists as lines, counts by group one box each. */
    private static void own(Map<String, List<String>> v, String own, Record part) {
        if (part == null) {
            return;
        }
        for (RecordComponent c : part.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(part);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = own + "-" + c.getName();
            if (value instanceof Map<?, ?> byGroup) {
                byGroup.forEach((group, count) -> one(v, name + "-" + group, String.valueOf(count)));
            } else if (value instanceof List<?> list) {
                List<String> items = list.stream().map(String::valueOf).toList();
                if (c.getName().equals("bundledActivityIds")) {
                    v.put(name, items);
                } else {
                    lines(v, name, items);
                }
            } else if (value != null) {
                one(v, name, value.toString());
            }
        }
    }

    private static Record part(ActivityDetails d, String own) {
        return switch (own == null ? "" : own) {
            case "lessonVisit" -> d.lessonVisit();
            case "learningWalk" -> d.learningWalk();
            case "workScrutiny" -> d.workScrutiny();
            case "pupilVoice" -> d.pupilVoice();
            case "progressMeeting" -> d.progressMeeting();
            case "deepDive" -> d.deepDive();
            case "governorVisit" -> d.governorVisit();
            case "externalReview" -> d.externalReview();
            case "dataAnalysis" -> d.dataAnalysis();
            case "moderation" -> d.moderation();
            default -> null;
        };
    }

    private static void one(Map<String, List<String>> v, String name, String value) {
        if (value != null) {
            v.put(name, List.of(value));
        }
    }

    private static void lines(Map<String, List<String>> v, String name, List<String> items) {
        if (items != null && !items.isEmpty()) {
            v.put(name, List.of(String.join("\n", items)));
        }
    }

    private static void date(Map<String, List<String>> v, String name, String iso) {
        if (iso != null) {
            LocalDate day = LocalDate.parse(iso);
            one(v, name + "-day", String.valueOf(day.getDayOfMonth()));
            one(v, name + "-month", String.valueOf(day.getMonthValue()));
            one(v, name + "-year", String.valueOf(day.getYear()));
        }
    }
}
