package school.evidence.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import school.evidence.platform.access.AccessRules.Match;

import java.util.Optional;
import java.util.function.Supplier;

/** Checks every API request against {@link AccessRules}: the caller's role and their membership of the school or trust. */
public class RouteAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthorizationDecision ALLOW = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENY = new AuthorizationDecision(false);

    private final SchoolScopes scopes;

    public RouteAccess(SchoolScopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return DENY;
        }
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Match> match = AccessRules.match(request.getMethod(), path);
        if (match.isEmpty()) {
            return DENY;
        }
        return allows(Caller.of(auth), match.get()) ? ALLOW : DENY;
    }

    boolean allows(Caller caller, Match match) {
        AccessRules.Scope scope = match.rule().scope();
        String value = scope.variable() == null ? null : match.variables().get(scope.variable());
        for (Role role : match.rule().roles()) {
            if (caller.has(role) && inScope(caller, role, scope, value)) {
                return true;
            }
        }
        return false;
    }

    private boolean inScope(Caller caller, Role role, AccessRules.Scope scope, String value) {
        AccessRules.ScopeKind kind = scope.kind();
        if (kind == AccessRules.ScopeKind.SERVICE || role == Role.OPERATOR) {
            return true; // operators are service-wide; the table only gives them routes without personal content
        }
        if (kind == AccessRules.ScopeKind.BODY_SCHOOL || kind == AccessRules.ScopeKind.BODY_TRUST) {
            return true; // the role is right; the controller checks the body's school or trust
        }
        if (kind == AccessRules.ScopeKind.TRUST) {
            return role == Role.TRUST_OFFICER && caller.memberOfTrust(value);
        }
        Optional<String> urn = switch (kind) {
            case SCHOOL -> Optional.ofNullable(value);
            case PLAN -> scopes.schoolOfPlan(value);
            case RECORD -> scopes.schoolOfRecord(value, scope.recordType());
            default -> Optional.empty();
        };
        if (urn.isEmpty()) {
            return false; // nothing recorded under that id: nobody's, so nobody learns whether it exists elsewhere
        }
        if (role == Role.TRUST_OFFICER) {
            return caller.memberOfTrust(Caller.EVERY) || scopes.trustsOf(urn.get()).stream().anyMatch(caller::memberOfTrust);
        }
        return caller.memberOfSchool(urn.get());
    }
}
