package school.evidence.query;

import org.junit.jupiter.api.Test;
import school.evidence.platform.web.slice.ControllersHaveSliceTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Each controller's HTTP contract (status codes, problem details, access) is tested beside it. */
class ControllerTestsTest {

    @Test
    void everyControllerHasAWebSliceTestBesideIt() {
        assertThat(ControllersHaveSliceTests.withoutOne("school.evidence.query")).isEmpty();
    }
}
