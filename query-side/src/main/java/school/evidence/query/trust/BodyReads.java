package school.evidence.query.trust;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.body.BodyCommands;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.query.ReadModels;
import school.evidence.query.plan.PlanSummaries;
import school.evidence.query.school.SchoolNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Reads the bodies an organisation's plans may name. An action names a body when one of its leads, monitors or
 * evaluators is the body's name (compared as the body's id is made: case and punctuation aside), so a plan written
 * before the body was registered, or imported from a spreadsheet, is matched too.
 */
@Component
public class BodyReads {

    private static final Map<String, String> ROLES = Map.of("leads", "LEADS", "monitoredBy", "MONITORS",
                                                            "evaluatedBy", "EVALUATES");

    private final MongoDatabase database;
    private final Function<String, Set<String>> trustsOf;
    private final Function<String, String> schoolName;

    @Autowired
    BodyReads(MongoDatabase database, SchoolScopes scopes, SchoolNames names) {
        this(database, scopes::trustsOf, names::of);
    }

    /** @param trustsOf the trusts a school is in (the ledger's word: a school's joining is what opens it to them) */
    BodyReads(MongoDatabase database, Function<String, Set<String>> trustsOf, Function<String, String> schoolName) {
        this.database = database;
        this.trustsOf = trustsOf;
        this.schoolName = schoolName;
    }

    /** Who an action names where it names a body: the text as written, and the body's kind (null: a person or role). */
    public record Named(String text, String kind) {
    }

    /** Each entry of a list of leads, monitors or evaluators, with the kind of body it names, if it names one. */
    public List<Named> named(String urn, List<String> entries) {
        Map<String, String> kinds = new java.util.HashMap<>();
        List<String> owners = new ArrayList<>(List.of(TrustProjection.owner("SCHOOL", urn)));
        trustsOf.apply(urn).forEach(t -> owners.add(TrustProjection.owner("TRUST", t)));
        database.getCollection(TrustProjection.BODIES).find(in("owner", owners))
                .forEach(b -> kinds.putIfAbsent(b.getString("bodyId"), b.getString("kind")));
        return entries.stream().map(e -> new Named(e, kinds.get(BodyCommands.idOf(e)))).toList();
    }

    /** The school's own bodies and those of every trust it is in, with the school's actions that name them. */
    BodiesView forSchool(String urn) {
        List<String> owners = new ArrayList<>(List.of(TrustProjection.owner("SCHOOL", urn)));
        trustsOf.apply(urn).stream().sorted().forEach(t -> owners.add(TrustProjection.owner("TRUST", t)));
        return view(owners, List.of(urn));
    }

    /** The trust's bodies, with the actions of its schools' plans that name them. */
    BodiesView forTrust(String trustId) {
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", trustId)).first();
        if (trust == null) {
            throw Rejection.notFound("trustId", "No trust " + trustId);
        }
        List<String> schools = trust.getList("schools", Document.class).stream().map(s -> s.getString("urn")).toList();
        return view(List.of(TrustProjection.owner("TRUST", trustId)), schools);
    }

    private BodiesView view(List<String> owners, List<String> schools) {
        Map<String, Document> byId = new LinkedHashMap<>();
        for (String owner : owners) { // owners in order: the school's own first, then its trusts'
            database.getCollection(TrustProjection.BODIES).find(in("owner", owner))
                    .sort(new Document("owner", 1).append("name", 1))
                    .forEach(b -> byId.put(b.getString("_id"), b.append("namedIn", new ArrayList<Document>())));
        }
        Map<String, List<Document>> byBodyId = new LinkedHashMap<>();
        byId.values().forEach(b -> byBodyId.computeIfAbsent(b.getString("bodyId"), k -> new ArrayList<>()).add(b));
        for (String urn : schools) {
            for (PlanSummaries.LiveActions plan : PlanSummaries.liveActionsOf(database, urn)) {
                plan.actions().forEach(action -> name(urn, plan, action, byBodyId));
            }
        }
        List<Document> bodies = byId.values().stream().map(b -> {
            String[] owner = b.getString("owner").split(":", 2);
            return new Document("bodyId", b.get("bodyId")).append("name", b.get("name")).append("kind", b.get("kind"))
                    .append("remit", b.get("remit")).append("ownerKind", owner[0]).append("ownerId", owner[1])
                    .append("ownerName", ownerName(owner[0], owner[1])).append("registeredAt", b.get("registeredAt"))
                    .append("namedIn", b.get("namedIn"));
        }).toList();
        return ReadModels.as(new Document("bodies", bodies), BodiesView.class);
    }

    /** Adds the action to each body it names, with how it names it. */
    private static void name(String urn, PlanSummaries.LiveActions plan, Document action,
                             Map<String, List<Document>> byBodyId) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        ROLES.forEach((field, role) -> {
            List<String> entries = action.getList(field, String.class);
            for (String entry : entries == null ? List.<String>of() : entries) {
                String id = entry == null ? "" : BodyCommands.idOf(entry);
                if (byBodyId.containsKey(id)) {
                    roles.computeIfAbsent(id, k -> new ArrayList<>()).add(role);
                }
            }
        });
        roles.forEach((id, as) -> byBodyId.get(id).forEach(body -> body.getList("namedIn", Document.class).add(
                new Document("schoolUrn", urn).append("planId", plan.planId())
                        .append("academicYear", plan.academicYear()).append("actionId", action.get("actionId"))
                        .append("number", action.get("number")).append("title", action.get("title"))
                        .append("as", as.stream().distinct().sorted().toList()))));
    }

    private String ownerName(String kind, String id) {
        if (kind.equals("SCHOOL")) {
            return schoolName.apply(id);
        }
        Document trust = database.getCollection(TrustProjection.COLLECTION).find(eq("_id", id)).first();
        return trust == null ? id : trust.getString("name");
    }
}
