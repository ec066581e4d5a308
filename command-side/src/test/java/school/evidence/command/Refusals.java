package school.evidence.command;

import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import school.evidence.kernel.Rejection;

/** For aggregate fixtures: a command refused naming this field. */
public final class Refusals {
    private Refusals() {
    }

    public static TypeSafeMatcher<Rejection> refusedOn(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return field.equals(rejection.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection naming " + field);
            }
        };
    }
}
