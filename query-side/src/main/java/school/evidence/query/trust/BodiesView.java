package school.evidence.query.trust;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The bodies a school's or a trust's plans may name, and the live actions that name them. */
public record BodiesView(List<Body> bodies) {

    /**
     * @param ownerKind SCHOOL or TRUST; {@code ownerId} its URN or trust id, {@code ownerName} as registered
     * @param namedIn   the live actions of the organisation's schools' plans that name the body, and how
     */
    public record Body(String bodyId, String name, String kind,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String remit, String ownerKind, String ownerId,
                       String ownerName, String registeredAt, List<Naming> namedIn) {
    }

    /** @param as LEADS, MONITORS or EVALUATES: where on the action the body is named */
    public record Naming(String schoolUrn, String planId, String academicYear, String actionId, String number,
                         String title, List<String> as) {
    }
}
