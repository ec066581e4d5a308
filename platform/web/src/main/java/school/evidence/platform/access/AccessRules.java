package school.evidence.platform.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may call each route, and for which school or trust: read from the {@link Allowed} beside each handler when the
 * service starts, and checked on every request to the API and the pages ({@link RouteAccess}). A route without one has no rule and is
 * refused to everyone; the service logs it, and the permission-matrix test fails the build.
 *
 * <p>Scope: a school route is allowed to members of that school, and to trust officers of a trust the school belongs
 * to; a trust route to that trust's officers; operators are service-wide but only ever get routes without pupil or
 * staff content. Where a rule also depends on the request body (a governor may only record a governor visit), the
 * controller checks that part.
 */
public final class AccessRules {

    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);
    private static final String API = "/api/";
    private static final String OURS = "school.evidence.";

    /** How a route names the school or trust it is about. */
    public enum ScopeKind {
        /** a {@code {urn}} path variable */
        SCHOOL,
        /** a {@code {planId}}: {@code <urn>-<academic year>} */
        PLAN,
        /** the id of a recorded thing (activity, challenge); its school is the one the ledger filed it under */
        RECORD,
        /** a {@code {trustId}} path variable */
        TRUST,
        /** a school named by the body's {@code urn}: the controller checks membership once the body is read */
        BODY_SCHOOL,
        /** a trust named by the body's {@code trustId}: the controller checks membership once the body is read */
        BODY_TRUST,
        /** not about one school or trust: reference data and operations */
        SERVICE
    }

    /** @param recordType for {@link ScopeKind#RECORD}: the kind of record the id must name (its aggregate type) */
    public record Scope(ScopeKind kind, String variable, String recordType) {
    }

    public record Rule(HttpMethod method, String path, Scope scope, Set<Role> roles) {
        public Rule {
            roles = Set.copyOf(roles);
        }
    }

    public record Match(Rule rule, Map<String, String> variables) {
    }

    private record Compiled(Rule rule, PathPattern pattern) {
    }

    private final List<Rule> rules;
    private final List<Compiled> compiled;
    private final List<PathPattern> served;

    private AccessRules(List<Rule> rules, Set<String> servedPaths) {
        this.rules = List.copyOf(rules);
        this.served = servedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.compiled = rules.stream().map(r -> new Compiled(r, PathPatternParser.defaultInstance.parse(r.path())))
                             .sorted(Comparator.comparing(Compiled::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                             .toList();
    }

    /** The rules of every {@code /api} handler the service maps; unannotated ones are logged and get none. */
    public static AccessRules of(Map<RequestMappingInfo, HandlerMethod> handlers) {
        List<Rule> rules = new ArrayList<>();
        Set<String> unguarded = new TreeSet<>();
        Set<String> served = new TreeSet<>();
        handlers.forEach((info, handler) -> {
            Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Allowed.class);
            if (handler.hasMethodAnnotation(OpenPage.class) || !handler.getBeanType().getPackageName()
                                                                        .startsWith(OURS)) {
                return; // signing in and refusals are open to all; the framework's own handlers (errors) guard themselves
            }
            for (String path : info.getPatternValues()) {
                served.add(path);
                for (var method : info.getMethodsCondition().getMethods()) {
                    if (allowed == null) {
                        unguarded.add(method + " " + path);
                    } else {
                        rules.add(new Rule(HttpMethod.valueOf(method.name()), path, scopeOf(allowed),
                                           allowed.value().roles()));
                    }
                }
            }
        });
        if (!unguarded.isEmpty()) {
            log.error("Routes without @Allowed are refused to everyone: {}", unguarded);
        }
        return new AccessRules(rules, served);
    }

    private static Scope scopeOf(Allowed allowed) {
        String variable = !allowed.variable().isEmpty() ? allowed.variable() : switch (allowed.scope()) {
            case SCHOOL, BODY_SCHOOL -> "urn";
            case PLAN -> "planId";
            case TRUST, BODY_TRUST -> "trustId";
            case RECORD -> throw new IllegalStateException("@Allowed(scope = RECORD) must name its variable");
            case SERVICE -> null;
        };
        if (allowed.scope() == ScopeKind.RECORD && allowed.record().isEmpty()) {
            throw new IllegalStateException("@Allowed(scope = RECORD) must name the kind of record");
        }
        return new Scope(allowed.scope(), variable, allowed.record().isEmpty() ? null : allowed.record());
    }

    /** Every rule of the JSON API, one per route and method. */
    public List<Rule> rules() {
        return rules.stream().filter(r -> r.path().startsWith(API)).toList();
    }

    /** Every rule of the pages (routes outside {@code /api}), one per route and method. */
    public List<Rule> pages() {
        return rules.stream().filter(r -> !r.path().startsWith(API)).toList();
    }

    /**
     * Whether this service has a route at that path, with any method. A path it has no route for at all (the other
     * side's, in distributed mode, or a mistyped one) can be let through to be answered 404 by the web layer; a path
     * it serves is answered only by its rule.
     */
    public boolean serves(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return served.stream().anyMatch(pattern -> pattern.matches(container));
    }

    /** The rule for a request, with its path variables; empty when no rule covers it. */
    public Optional<Match> match(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Compiled c : compiled) {
            if (!c.rule().method().matches(method)) {
                continue;
            }
            PathPattern.PathMatchInfo info = c.pattern().matchAndExtract(container);
            if (info != null) {
                return Optional.of(new Match(c.rule(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }
}
