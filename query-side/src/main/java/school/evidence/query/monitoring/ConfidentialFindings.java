package school.evidence.query.monitoring;

import org.bson.Document;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;

import java.util.List;

/**
 * Confidential monitoring (developmental notes about a named teacher) is readable in full only by senior leaders and
 * by the teacher it is about; everyone else who may read the school sees that the record exists and its non-personal
 * summary: when, which kind, who led it, the subject and year groups, and the plan actions it is evidence for.
 */
public final class ConfidentialFindings {

    public static final String RESTRICTED = "Confidential notes: readable by senior leaders and the teacher concerned";
    private static final List<String> SUMMARY = List.of("occurredOn", "lead", "focus", "actionIds", "confidential");

    private ConfidentialFindings() {
    }

    static boolean mayRead(Caller caller, String teacher) {
        return caller.has(Role.SENIOR_LEADER) || caller.isNamed(teacher);
    }

    private static String teacherIn(Document details) {
        Document visit = details.get("lessonVisit", Document.class);
        return visit == null ? null : visit.getString("teacher");
    }

    /** One version of the findings, as this caller may see it. */
    public static Document details(Caller caller, Document details) {
        if (details == null || !details.getBoolean("confidential", false) || mayRead(caller, teacherIn(details))) {
            return details;
        }
        Document summary = new Document();
        SUMMARY.stream().filter(details::containsKey).forEach(k -> summary.append(k, details.get(k)));
        return summary.append("restricted", RESTRICTED);
    }

    /** A monitoring-list row: its current findings and every earlier version. */
    public static Document activity(Caller caller, Document row) {
        row.put("current", details(caller, row.get("current", Document.class)));
        List<Document> versions = row.getList("versions", Document.class);
        if (versions != null) {
            row.put("versions", versions.stream().map(v -> {
                Document copy = new Document(v);
                copy.put("details", details(caller, v.get("details", Document.class)));
                return copy;
            }).toList());
        }
        return row;
    }

    /** A timeline entry that carries monitoring findings. */
    public static Document entry(Caller caller, Document entry) {
        if (entry.containsKey("details")) {
            entry.put("details", details(caller, entry.get("details", Document.class)));
        }
        return entry;
    }

    /** A next step agreed in confidential monitoring: its wording is part of the notes. */
    public static Document nextStep(Caller caller, Document step) {
        if (step.getBoolean("confidential", false) && !mayRead(caller, step.getString("teacher"))) {
            step.put("text", null);
            step.put("owner", null);
            step.getList("checks", Document.class, List.of()).forEach(c -> c.put("impact", null));
            step.put("restricted", RESTRICTED);
        }
        step.remove("teacher");
        return step;
    }
}
