package school.evidence.kernel.school;

import school.evidence.kernel.SchoolEvent;

public record SchoolRegistered(String urn, String name) implements SchoolEvent {
    @Override
    public String schoolUrn() {
        return urn;
    }
}
