package school.evidence.standalone;

import org.springframework.context.ConfigurableApplicationContext;
import school.evidence.query.replay.ProjectionRebuild;

import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tests of several nodes and of the shared processor check about the read models, and how they wait. */
final class ReadModelChecks {

    private ReadModelChecks() {
    }

    /** Every read model, as the live processors made it, equals a rebuild from the ledger, document by document. */
    static void assertSameAsRebuild(ConfigurableApplicationContext node) {
        ProjectionRebuild rebuild = node.getBean(ProjectionRebuild.class);
        for (String group : rebuild.groups()) {
            ProjectionRebuild.Result compared = rebuild.compare(group);
            assertThat(compared.differences()).as("%s against a rebuild from %d events", group, compared.events())
                                              .isEmpty();
        }
    }

    /** Waits up to 180 s for the condition, then fails saying what was awaited. */
    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(condition.getAsBoolean()).as(what + " within 180 s").isTrue();
    }
}
