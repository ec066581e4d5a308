package school.evidence.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import school.evidence.platform.access.AccessRules.Match;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks every API request against {@link AccessRules}: a role the rule names, held for the school or trust the
 * request is about. The caller as they stand there is kept on the request, so later checks ({@link Caller#current()})
 * only ever see the roles held for that place.
 */
public class RouteAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision ALLOW = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

    private final SchoolScopes scopes;
    private final java.util.function.Supplier<AccessRules> rules;

    /** @param rules read when the first request comes, once every handler is mapped */
    public RouteAccess(SchoolScopes scopes, java.util.function.Supplier<AccessRules> rules) {
        this.scopes = scopes;
        this.rules = rules;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return DENY;
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Match> match = rules.get().match(request.getMethod(), path);
        if (match.isEmpty()) {
            // no route of this service at that path, with any method: nothing to guard, the web layer answers 404;
            // a path it serves without a rule for this method (HEAD, OPTIONS, a route without @Allowed) is refused
            return rules.get().serves(path) ? DENY : ALLOW;
        }
        Optional<Caller> here = callerHere(Caller.of(auth), match.get());
        if (here.isEmpty()) {
            return DENY;
        }
        request.setAttribute(Caller.HERE, here.get());
        return ALLOW;
    }

    /** The caller as they stand for the request's school or trust, if a role they hold there is one the rule names. */
    Optional<Caller> callerHere(Caller caller, Match match) {
        AccessRules.Scope scope = match.rule().scope();
        String value = scope.variable() == null ? null : match.variables().get(scope.variable());
        Caller here = switch (scope.kind()) {
            // not about one place yet: the role must be held somewhere; the controller checks the body's school or trust
            case SERVICE, BODY_SCHOOL, BODY_TRUST -> caller;
            case TRUST -> caller.atTrust(value);
            case SCHOOL, PLAN, RECORD -> schoolOf(scope, value).map(urn -> caller.atSchool(urn, trustsOf(caller, urn)))
                                                               .orElse(null);
        };
        if (here == null) {
            return Optional.empty(); // nothing recorded under that id: nobody's, so nobody learns whether it exists
        }
        Set<Role> allowed = match.rule().roles();
        return here.roles().stream().anyMatch(allowed::contains) ? Optional.of(here) : Optional.empty();
    }

    /** Looked up only for a trust officer: the ledger read is needed for nobody else. */
    private Set<String> trustsOf(Caller caller, String urn) {
        return caller.has(Role.TRUST_OFFICER) ? scopes.trustsOf(urn) : Set.of();
    }

    private Optional<String> schoolOf(AccessRules.Scope scope, String value) {
        return switch (scope.kind()) {
            case SCHOOL -> Optional.ofNullable(value);
            case PLAN -> scopes.schoolOfPlan(value);
            case RECORD -> scopes.schoolOfRecord(value, scope.recordType());
            default -> Optional.empty();
        };
    }
}
