package school.evidence.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import school.evidence.command.CommandSideApplication;
import school.evidence.query.QuerySideApplication;

/**
 * One school, one process: the command side and the query side in one JVM on one port, with the embedded store
 * on disk unless {@code spring.data.mongodb.uri} points at a MongoDB replica set.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"school.evidence.command", "school.evidence.query", "school.evidence.standalone"},
               excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                                                      classes = {CommandSideApplication.class,
                                                                 QuerySideApplication.class}))
public class StandaloneApplication {
    public static void main(String[] args) {
        if (args.length > 0 && BackupCommands.NAMES.contains(args[0])) {
            System.exit(BackupCommands.run(args)); // backup, verify-backup, restore: no service started
        }
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
