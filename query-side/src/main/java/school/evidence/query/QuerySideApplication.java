package school.evidence.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own (distributed mode): streams the shared ledger into its read models. */
@SpringBootApplication
public class QuerySideApplication {
    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
