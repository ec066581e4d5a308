package school.evidence.query.audit;

/**
 * One event of a school as the audit trail shows it: what happened, when it was recorded, who did it in which role,
 * on what (the subject and its version), and why.
 */
public record AuditEntry(String eventId, String schoolUrn, String type, String recordedAt, String actor,
                         String actorRole, String reason, String correlationId, String subjectType, String subjectId,
                         Long subjectVersion) {
}
