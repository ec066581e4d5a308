package school.evidence.platform.proof;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A key the service needs is missing or wrong (the ledger's signing key, the key-encryption key for personal data):
 * start-up stops with the property's name, what is wrong with it, and how to fix it, instead of a stack trace or, worse,
 * a service that starts and fails later.
 */
public class MisconfiguredKey extends IllegalStateException {

    private final String property;
    private final String fix;

    public MisconfiguredKey(String property, String problem, String fix) {
        super(property + " " + problem);
        this.property = property;
        this.fix = fix;
    }

    public MisconfiguredKey(String property, String problem, String fix, Throwable cause) {
        super(property + " " + problem, cause);
        this.property = property;
        this.fix = fix;
    }

    public String property() {
        return property;
    }

    /** Prints the reason and the way out. */
    public static class Analyzer extends AbstractFailureAnalyzer<MisconfiguredKey> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, MisconfiguredKey cause) {
            return new FailureAnalysis(cause.getMessage() + ". Refusing to start.", cause.fix, cause);
        }
    }
}
