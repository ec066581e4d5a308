package school.evidence.platform.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Raised at start-up when nobody could sign in: no identity provider and demo mode off. */
public class IdentityNotConfigured extends IllegalStateException {

    public static final String MESSAGE = "No identity provider is configured and demo mode is off, so nobody could "
            + "sign in. Refusing to start.";

    public IdentityNotConfigured() {
        super(MESSAGE);
    }

    /** Prints the reason and the two ways out instead of a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<IdentityNotConfigured> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, IdentityNotConfigured cause) {
            return new FailureAnalysis(MESSAGE,
                    "Set spring.security.oauth2.resourceserver.jwt.issuer-uri to your identity provider (Microsoft "
                            + "Entra ID: https://login.microsoftonline.com/<tenant>/v2.0, Google: "
                            + "https://accounts.google.com), or start with --evidence.demo.enabled=true to use the "
                            + "demo users (never in production).", cause);
        }
    }
}
