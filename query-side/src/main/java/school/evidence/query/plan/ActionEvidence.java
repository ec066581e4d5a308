package school.evidence.query.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The monitoring a leader may cite when judging an action: what its timeline holds, less what was retracted. */
final class ActionEvidence {

    /** One activity that can be ticked: its id (the form's value), its type and when it happened, and who led it. */
    record Choice(String activityId, String type, String occurredOn, String lead) {
    }

    private ActionEvidence() {
    }

    static List<Choice> choices(ActionTimeline timeline) {
        Map<String, Choice> live = new LinkedHashMap<>();
        for (ActionTimeline.Entry entry : timeline.entries()) {
            switch (entry.kind()) {
                case "MONITORING_RECORDED", "MONITORING_AMENDED" -> {
                    if (Boolean.FALSE.equals(entry.stillCitesThisAction())) {
                        live.remove(entry.activityId());
                    } else if (entry.details() != null) {
                        live.put(entry.activityId(), new Choice(entry.activityId(), entry.type(),
                                                                entry.details().occurredOn(), entry.details().lead()));
                    }
                }
                case "MONITORING_RETRACTED" -> live.remove(entry.activityId());
                default -> {
                }
            }
        }
        return List.copyOf(live.values());
    }
}
