package school.evidence.query.monitoring;

import org.bson.Document;
import school.evidence.kernel.monitoring.MonitoringDetails;

/** How monitoring details look in every read model. */
public final class MonitoringDocuments {
    private MonitoringDocuments() {
    }

    public static Document details(MonitoringDetails details) {
        Document focus = details.focus() == null ? null
                : new Document("subject", details.focus().subject()).append("yearGroups", details.focus().yearGroups());
        return new Document("occurredOn", details.occurredOn().toString())
                .append("lead", details.lead())
                .append("focus", focus)
                .append("strengths", details.strengths())
                .append("areasForDevelopment", details.areasForDevelopment())
                .append("actionIds", details.actionIds());
    }
}
