package school.evidence.query.plan;

import org.bson.Document;
import school.evidence.kernel.plan.Timescale;

import java.util.List;

/** An action's timescale as read models keep it: ISO dates, milestones earliest first (as the plan decided). */
public final class TimescaleDocs {
    private TimescaleDocs() {
    }

    public static Document of(Timescale t) {
        if (t == null) {
            return null;
        }
        List<Document> milestones = t.milestones().stream()
                .map(m -> new Document("dueOn", m.dueOn().toString()).append("title", m.title())
                                                                    .append("criteria", m.criteria()))
                .toList();
        return new Document("startsOn", t.startsOn() == null ? null : t.startsOn().toString())
                .append("endsOn", t.endsOn() == null ? null : t.endsOn().toString())
                .append("ongoing", t.ongoing())
                .append("milestones", milestones);
    }
}
