package school.evidence.query.plan;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Subject leaders' plans as the plan view shows them: each with its own RAG roll-up over its live actions, and each
 * school action with the subject plans' live actions that support it and their RAG beside its own.
 */
final class SubjectPlanViews {
    private SubjectPlanViews() {
    }

    static void addTo(Document plan) {
        if (!(plan.get("subjectPlans") instanceof List<?>)) {
            plan.put("subjectPlans", new ArrayList<Document>());
        }
        List<Document> actions = PlanViewProjection.list(plan, "actions");
        for (Document subject : PlanViewProjection.list(plan, "subjectPlans")) {
            String id = subject.getString("subjectPlanId");
            List<Document> own = actions.stream().filter(a -> id.equals(a.getString("sectionId")))
                                        .filter(a -> !a.getBoolean("withdrawn", false)).toList();
            subject.put("rollUp", PlanRollUp.group(new Document(), own));
            for (Document action : own) {
                List<String> supports = action.getList("supports", String.class);
                for (String schoolActionId : supports == null ? List.<String>of() : supports) {
                    actions.stream().filter(a -> schoolActionId.equals(a.getString("actionId"))).findFirst()
                           .ifPresent(a -> supporting(a).add(new Document("subjectPlanId", id)
                                   .append("area", subject.getString("area"))
                                   .append("actionId", action.getString("actionId"))
                                   .append("number", action.getString("number"))
                                   .append("title", action.getString("title"))
                                   .append("rag", action.getString("rag"))));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Document> supporting(Document schoolAction) {
        if (!(schoolAction.get("subjectActions") instanceof List<?>)) {
            schoolAction.put("subjectActions", new ArrayList<Document>());
        }
        return (List<Document>) schoolAction.get("subjectActions");
    }
}
