package school.evidence.query.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-line rebuild: start the service with {@code --evidence.rebuild=all} (or a comma-separated list of
 * processing groups) and it rebuilds those projections from the ledger, swaps them in, prints what it did, and
 * exits (0 when every rebuild succeeded). With {@code --evidence.rebuild.exit=false} it keeps serving afterwards.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE) // after any data loading
class RebuildCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    private final ProjectionRebuild rebuild;
    private final ConfigurableApplicationContext context;
    private final String groups;
    private final boolean exit;
    private final List<ProjectionRebuild.Result> results = new ArrayList<>();

    RebuildCommand(ProjectionRebuild rebuild, ConfigurableApplicationContext context,
                   @Value("${evidence.rebuild:}") String groups,
                   @Value("${evidence.rebuild.exit:true}") boolean exit) {
        this.rebuild = rebuild;
        this.context = context;
        this.groups = groups;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (groups.isBlank()) {
            return;
        }
        List<String> wanted = groups.equals("all") ? rebuild.groups() : List.of(groups.split("\\s*,\\s*"));
        int failures = 0;
        try {
            for (ProjectionRebuild.Result result : rebuild.rebuildTogether(wanted)) { // one read for all of them
                results.add(result);
                if (result.swapped()) {
                    log.info("Rebuilt {} from {} events: {}", result.group(), result.events(), result.documents());
                    System.out.println("rebuilt " + result.group() + " from " + result.events() + " events: "
                                               + result.documents());
                } else {
                    failures++;
                    System.out.println("rebuild of " + result.group() + " failed: " + result.differences());
                }
            }
        } catch (RuntimeException e) {
            failures++;
            log.error("Rebuild of {} failed", wanted, e);
            System.out.println("rebuild of " + String.join(", ", wanted) + " failed: " + e.getMessage());
        }
        if (exit) {
            int code = failures == 0 ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    List<ProjectionRebuild.Result> results() {
        return results;
    }
}
