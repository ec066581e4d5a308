package school.evidence.command.governance;

/** Whether a meeting was recorded for a school. */
public interface MeetingRegister {
    boolean isMeetingOf(String meetingId, String schoolUrn);
}
