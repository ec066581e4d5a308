package school.evidence.query.governance;

/** A governors' meeting (board, committee) at which challenge can be raised. */
public record Meeting(String meetingId, String schoolUrn, String kind, String committee, String heldOn, String title) {
}
