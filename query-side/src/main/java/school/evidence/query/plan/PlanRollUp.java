package school.evidence.query.plan;

import org.bson.Document;
import school.evidence.kernel.plan.Rag;

import java.util.ArrayList;
import java.util.List;

/**
 * RAG per section and per priority, and the overall distribution, from the live actions' current RAG: the school
 * plan's own actions (in its sections); each subject plan rolls up its own ({@link SubjectPlanViews}).
 */
final class PlanRollUp {
    private PlanRollUp() {
    }

    static Document of(Document plan) {
        java.util.Set<String> sections = new java.util.HashSet<>();
        PlanViewProjection.list(plan, "sections").forEach(s -> sections.add(s.getString("sectionId")));
        List<Document> live = PlanViewProjection.list(plan, "actions").stream()
                                                .filter(a -> !a.getBoolean("withdrawn", false))
                                                .filter(a -> sections.contains(a.getString("sectionId"))).toList();
        List<Document> bySection = new ArrayList<>();
        for (Document section : PlanViewProjection.list(plan, "sections")) {
            String id = section.getString("sectionId");
            bySection.add(group(new Document("sectionId", id).append("title", section.getString("title")),
                                live.stream().filter(a -> id.equals(a.getString("sectionId"))).toList()));
        }
        List<Document> byPriority = new ArrayList<>();
        for (Document priority : PlanViewProjection.list(plan, "priorities")) {
            if (priority.getBoolean("withdrawn", false)) {
                continue;
            }
            String code = priority.getString("code");
            byPriority.add(group(new Document("code", code),
                                 live.stream().filter(a -> a.getList("priorities", String.class).contains(code))
                                     .toList()));
        }
        return group(new Document(), live).append("bySection", bySection).append("byPriority", byPriority);
    }

    static Document group(Document into, List<Document> actions) {
        List<Rag> rags = actions.stream().map(a -> a.getString("rag")).map(r -> r == null ? null : Rag.valueOf(r))
                                .toList();
        Rag rolled = Rag.rollUp(rags);
        return into.append("rag", rolled == null ? null : rolled.name())
                   .append("actions", actions.size())
                   .append("distribution", new Document(new java.util.LinkedHashMap<>(Rag.distribution(rags))));
    }
}
