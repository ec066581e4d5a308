package school.evidence.platform.axon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Axon's update checker calls a public server at start-up. A school's evidence service makes no calls home: it is
 * off unless an operator sets {@code axoniq.update-checker.disabled=false} explicitly.
 */
public class NoUpdateCheck implements EnvironmentPostProcessor {

    static final String PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
