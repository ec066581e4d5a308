package school.evidence.platform.access;

/** The signed-in person a command is recorded against. */
public record Actor(String userId, String role) {

    public static Actor current() {
        Caller caller = Caller.current();
        Role role = caller.primaryRole();
        return new Actor(caller.userId(), role == null ? "NONE" : role.name());
    }
}
