package school.evidence.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of a school (or of a trust's or local authority's work: {@code trustId}) as the audit trail shows it: what happened, when it was recorded, who did it in which role,
 * on what (the subject and its version), and why.
 */
public record AuditEntry(String eventId, String schoolUrn,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String trustId, String type, String recordedAt,
                         String actor, String actorRole, String reason, String correlationId, String subjectType,
                         String subjectId, Long subjectVersion) {
}
