package school.evidence.command.school;

/** Whether a school is registered; a plan can only be created for one that is. */
public interface SchoolDirectory {
    boolean isRegistered(String urn);
}
