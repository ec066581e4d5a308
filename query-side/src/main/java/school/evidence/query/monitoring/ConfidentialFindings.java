package school.evidence.query.monitoring;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confidential monitoring (developmental notes about a named teacher) is readable in full only by senior leaders of the
 * school and by the teacher it is about, known by the sign-in id recorded with the visit (never by a name: two people
 * can share one); everyone else who may read the school sees that the record exists and its non-personal summary:
 * when, which kind, who led it, the subject and year groups, and the plan actions it is evidence for. The next steps it
 * agreed, and what any later monitoring wrote about their impact, are part of the notes. A document handed out of the
 * school (the evidence pack) is read by {@link #NOBODY}.
 *
 * <p>One instance per reader and request: it remembers which checked next steps were confidential.
 */
public final class ConfidentialFindings {

    public static final String RESTRICTED = "Confidential notes: readable by senior leaders and the teacher concerned";
    /** Nobody: what a document leaving the school carries of confidential notes. */
    public static final Caller NOBODY = new Caller("", "", Set.of());
    private static final List<String> SUMMARY = List.of("occurredOn", "lead", "focus", "actionIds", "confidential");

    private final MongoDatabase database;
    private final Caller reader;
    private final Map<String, Document> steps = new HashMap<>();

    private ConfidentialFindings(MongoDatabase database, Caller reader) {
        this.database = database;
        this.reader = reader;
    }

    /** @param reader the caller as they stand at the school ({@link Caller#current()} during a request) */
    public static ConfidentialFindings forReader(MongoDatabase database, Caller reader) {
        return new ConfidentialFindings(database, reader);
    }

    private boolean mayRead(String teacherUserId) {
        return reader.has(Role.SENIOR_LEADER) || reader.isUser(teacherUserId);
    }

    private static String teacherIn(Document details) {
        Document visit = details.get("lessonVisit", Document.class);
        return visit == null ? null : visit.getString("teacherUserId");
    }

    /** One version of the findings, as this reader may see it. */
    public Document details(Document details) {
        if (details == null) {
            return null;
        }
        if (details.getBoolean("confidential", false) && !mayRead(teacherIn(details))) {
            Document summary = new Document();
            SUMMARY.stream().filter(details::containsKey).forEach(k -> summary.append(k, details.get(k)));
            return summary.append("restricted", RESTRICTED);
        }
        List<Document> checks = details.getList("nextStepChecks", Document.class, List.of());
        for (Document check : checks) {
            if (!mayReadStep(check.getString("nextStepId"))) {
                check.put("impact", null); // written about a confidential next step: part of its notes
                check.put("restricted", RESTRICTED);
            }
        }
        return details;
    }

    /** A monitoring-list row: its current findings and every earlier version. */
    public Document activity(Document row) {
        row.put("current", details(row.get("current", Document.class)));
        List<Document> versions = row.getList("versions", Document.class);
        if (versions != null) {
            row.put("versions", versions.stream().map(v -> {
                Document copy = new Document(v);
                copy.put("details", details(v.get("details", Document.class)));
                return copy;
            }).toList());
        }
        return row;
    }

    /** A timeline entry that carries monitoring findings. */
    public Document entry(Document entry) {
        if (entry.containsKey("details")) {
            entry.put("details", details(entry.get("details", Document.class)));
        }
        return entry;
    }

    /** A next step agreed in confidential monitoring: its wording, owner and checks are part of the notes. */
    public Document nextStep(Document step) {
        if (step.getBoolean("confidential", false) && !mayRead(step.getString("teacherUserId"))) {
            step.put("text", null);
            step.put("owner", null);
            step.getList("checks", Document.class, List.of()).forEach(c -> c.put("impact", null));
            step.put("restricted", RESTRICTED);
        }
        step.remove("teacher");
        step.remove("teacherUserId");
        return step;
    }

    private boolean mayReadStep(String stepId) {
        if (stepId == null || reader.has(Role.SENIOR_LEADER)) {
            return true;
        }
        Document step = steps.computeIfAbsent(stepId, id -> {
            Document found = database.getCollection(NextStepsProjection.COLLECTION).find(Filters.eq("_id", id))
                                     .projection(Projections.include("confidential", "teacherUserId")).first();
            // not projected yet (the command side only accepts checks of recorded steps): withheld until it is
            return found == null ? new Document("confidential", true) : found;
        });
        return !step.getBoolean("confidential", false) || mayRead(step.getString("teacherUserId"));
    }
}
