package school.evidence.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own (distributed mode): needs {@code spring.data.mongodb.uri} shared with query-side. */
@SpringBootApplication
public class CommandSideApplication {
    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
