package school.evidence.platform.access;

import school.evidence.kernel.monitoring.MonitoringType;

import java.util.Arrays;
import java.util.List;

/**
 * Who records which kind of monitoring at a school: its senior and subject leaders any kind, a governor only a
 * governor's visit, a trust officer only an external review. The API checks it on the body, the pages on the form.
 */
public final class Recorders {

    private Recorders() {
    }

    public static boolean mayRecord(Caller caller, MonitoringType type) {
        return caller.has(Role.SENIOR_LEADER) || caller.has(Role.SUBJECT_LEADER)
                || (caller.has(Role.GOVERNOR) && type == MonitoringType.GOVERNOR_VISIT)
                || (caller.has(Role.TRUST_OFFICER) && type == MonitoringType.EXTERNAL_REVIEW);
    }

    /** The kinds the caller may record here, in the order the school lists them. */
    public static List<MonitoringType> kindsFor(Caller caller) {
        return Arrays.stream(MonitoringType.values()).filter(t -> mayRecord(caller, t)).toList();
    }
}
