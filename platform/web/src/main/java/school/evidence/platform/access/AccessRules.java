package school.evidence.platform.access;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static school.evidence.platform.access.Role.GOVERNOR;
import static school.evidence.platform.access.Role.OPERATOR;
import static school.evidence.platform.access.Role.SENIOR_LEADER;
import static school.evidence.platform.access.Role.SUBJECT_LEADER;
import static school.evidence.platform.access.Role.TRUST_OFFICER;

/**
 * Who may call each route, and for which school or trust: the one table every API request is checked against. A
 * route without a rule here is refused to everyone (and the permission-matrix test fails the build).
 *
 * <p>Scope: a school route is allowed to members of that school, and to trust officers of a trust the school belongs
 * to; a trust route to that trust's officers; operators are service-wide but only ever get routes without pupil or
 * staff content. Where a rule also depends on the request body (a governor may only record a governor visit), the
 * controller checks that part.
 */
public final class AccessRules {

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
        Scope(ScopeKind kind, String variable) {
            this(kind, variable, null);
        }
    }

    public record Rule(HttpMethod method, String path, Scope scope, Set<Role> roles) {
        public Rule {
            roles = Set.copyOf(roles);
        }

        PathPattern pattern() {
            return PathPatternParser.defaultInstance.parse(path);
        }
    }

    public record Match(Rule rule, Map<String, String> variables) {
    }

    static final Set<Role> SCHOOL_READERS = EnumSet.of(SENIOR_LEADER, SUBJECT_LEADER, GOVERNOR, TRUST_OFFICER);
    static final Set<Role> READERS_AND_OPERATOR = EnumSet.of(SENIOR_LEADER, SUBJECT_LEADER, GOVERNOR, TRUST_OFFICER,
                                                             OPERATOR);
    static final Set<Role> LEADERS = EnumSet.of(SENIOR_LEADER);

    public static final List<Rule> RULES = List.of(
            // schools and their calendars
            post("/api/schools", new Scope(ScopeKind.BODY_SCHOOL, "urn"), LEADERS),
            post("/api/schools/{urn}/calendars", school(), LEADERS),
            // monitoring: a governor records governor visits, a trust officer external reviews (checked on the body)
            post("/api/schools/{urn}/monitoring", school(), SCHOOL_READERS),
            post("/api/monitoring/{activityId}/amendments", activity(), EnumSet.of(SENIOR_LEADER, SUBJECT_LEADER)),
            post("/api/monitoring/{activityId}/retraction", activity(), EnumSet.of(SENIOR_LEADER, SUBJECT_LEADER)),
            post("/api/monitoring/{activityId}/legal-hold", activity(), LEADERS),
            post("/api/monitoring/{activityId}/legal-hold/release", activity(), LEADERS),
            get("/api/schools/{urn}/monitoring", school(), SCHOOL_READERS),
            get("/api/schools/{urn}/next-steps", school(), SCHOOL_READERS),
            // governance
            post("/api/schools/{urn}/meetings", school(), EnumSet.of(SENIOR_LEADER, GOVERNOR)),
            post("/api/schools/{urn}/challenges", school(), EnumSet.of(SENIOR_LEADER, GOVERNOR)),
            post("/api/challenges/{challengeId}/responses", challenge(), LEADERS),
            post("/api/challenges/{challengeId}/follow-ups", challenge(), EnumSet.of(SENIOR_LEADER, GOVERNOR)),
            post("/api/challenges/{challengeId}/closure", challenge(), EnumSet.of(SENIOR_LEADER, GOVERNOR)),
            post("/api/challenges/{challengeId}/legal-hold", challenge(), LEADERS),
            post("/api/challenges/{challengeId}/legal-hold/release", challenge(), LEADERS),
            get("/api/schools/{urn}/meetings", school(), SCHOOL_READERS),
            get("/api/schools/{urn}/challenges", school(), SCHOOL_READERS),
            // the improvement plan: senior leaders write, the school's readers read
            post("/api/schools/{urn}/plans", school(), LEADERS),
            post("/api/schools/{urn}/plan-imports", school(), LEADERS),
            post("/api/plans/{planId}/priorities", plan(), LEADERS),
            post("/api/plans/{planId}/priorities/{code}/revisions", plan(), LEADERS),
            post("/api/plans/{planId}/priorities/{code}/withdrawal", plan(), LEADERS),
            post("/api/plans/{planId}/sections", plan(), LEADERS),
            post("/api/plans/{planId}/actions", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/revisions", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/withdrawal", plan(), LEADERS),
            post("/api/plans/{planId}/carried-actions", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/criteria", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/revisions", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/withdrawal", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/rag", plan(), LEADERS),
            post("/api/plans/{planId}/actions/{actionId}/criteria/{criterionId}/rag", plan(), LEADERS),
            post("/api/plans/{planId}/schedule", plan(), LEADERS),
            post("/api/plans/{planId}/schedule/{plannedId}/revisions", plan(), LEADERS),
            post("/api/plans/{planId}/schedule/{plannedId}/cancellation", plan(), LEADERS),
            post("/api/plans/{planId}/publication", plan(), LEADERS),
            post("/api/plans/{planId}/closure", plan(), LEADERS),
            get("/api/plans/{planId}", plan(), SCHOOL_READERS),
            get("/api/plans/{planId}/actions/{actionId}/timeline", plan(), SCHOOL_READERS),
            get("/api/plans/{planId}/flags", plan(), SCHOOL_READERS),
            get("/api/plans/{planId}/reviews/{halfTerm}", plan(), SCHOOL_READERS),
            get("/api/plans/{planId}/schedule", plan(), SCHOOL_READERS),
            get("/api/plans/{planId}/coverage", plan(), SCHOOL_READERS),
            // self-evaluation
            get("/api/self-evaluation/toolkit", service(), READERS_AND_OPERATOR),
            post("/api/schools/{urn}/self-evaluations", school(), LEADERS),
            get("/api/schools/{urn}/self-evaluations", school(), SCHOOL_READERS),
            get("/api/schools/{urn}/self-evaluations/latest", school(), SCHOOL_READERS),
            get("/api/schools/{urn}/self-evaluations/standards/{coreElement}/{standard}", school(), SCHOOL_READERS),
            // trusts
            post("/api/trusts", new Scope(ScopeKind.BODY_TRUST, "trustId"), EnumSet.of(TRUST_OFFICER)),
            // a school joins a trust on its senior leader's word (checked on the body's URN): joining opens its
            // records to the trust's officers, so a trust officer cannot pull a school in
            post("/api/trusts/{trustId}/schools", new Scope(ScopeKind.BODY_SCHOOL, "urn"), LEADERS),
            post("/api/trusts/{trustId}/schools/{urn}/phase", trust(), EnumSet.of(TRUST_OFFICER)),
            get("/api/trusts/{trustId}", trust(), EnumSet.of(TRUST_OFFICER)),
            // who did what, and the evidence pack
            get("/api/schools/{urn}/audit", school(), EnumSet.of(SENIOR_LEADER, GOVERNOR, TRUST_OFFICER)),
            get("/api/schools/{urn}/evidence-pack", school(), SCHOOL_READERS),
            // the ledger: checkpoints, proofs and verification carry hashes only, so operators may use them;
            // the feed carries every stored event (confidential notes too): senior leaders only
            post("/api/schools/{urn}/checkpoints", school(), EnumSet.of(SENIOR_LEADER, OPERATOR)),
            get("/api/schools/{urn}/checkpoints", school(), READERS_AND_OPERATOR),
            get("/api/schools/{urn}/checkpoints/latest", school(), READERS_AND_OPERATOR),
            get("/api/schools/{urn}/ledger/inclusion-proof", school(), READERS_AND_OPERATOR),
            get("/api/schools/{urn}/ledger/consistency-proof", school(), READERS_AND_OPERATOR),
            get("/api/schools/{urn}/ledger/verification", school(), READERS_AND_OPERATOR),
            get("/api/schools/{urn}/ledger/feed", school(), LEADERS),
            // personal data: erasure and subject access, senior leaders of the school
            post("/api/schools/{urn}/erasures", school(), LEADERS),
            get("/api/schools/{urn}/subject-access", school(), LEADERS),
            // retention: what is kept until when, what is on hold, what was shredded (ids, dates and types only)
            get("/api/schools/{urn}/retention", school(), LEADERS),
            // operations
            get("/api/operations/projections", service(), EnumSet.of(OPERATOR)),
            post("/api/operations/projections/{group}/comparison", service(), EnumSet.of(OPERATOR)),
            post("/api/operations/projections/{group}/rebuild", service(), EnumSet.of(OPERATOR)),
            post("/api/operations/retention-runs", service(), EnumSet.of(OPERATOR)),
            get("/api/operations/dead-letters", service(), EnumSet.of(OPERATOR)),
            post("/api/operations/dead-letters/{group}/retry", service(), EnumSet.of(OPERATOR))
    );

    private static final List<Compiled> COMPILED = RULES.stream()
            .map(r -> new Compiled(r, r.pattern()))
            .sorted(Comparator.comparing(Compiled::pattern, PathPattern.SPECIFICITY_COMPARATOR))
            .toList();

    private record Compiled(Rule rule, PathPattern pattern) {
    }

    private AccessRules() {
    }

    /** The rule for a request, with its path variables; empty when no rule covers it. */
    public static Optional<Match> match(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Compiled c : COMPILED) {
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

    private static Rule get(String path, Scope scope, Set<Role> roles) {
        return new Rule(HttpMethod.GET, path, scope, roles);
    }

    private static Rule post(String path, Scope scope, Set<Role> roles) {
        return new Rule(HttpMethod.POST, path, scope, roles);
    }

    private static Scope school() {
        return new Scope(ScopeKind.SCHOOL, "urn");
    }

    private static Scope plan() {
        return new Scope(ScopeKind.PLAN, "planId");
    }

    private static Scope activity() {
        return new Scope(ScopeKind.RECORD, "activityId", "MonitoringActivity");
    }

    private static Scope challenge() {
        return new Scope(ScopeKind.RECORD, "challengeId", "Challenge");
    }

    private static Scope trust() {
        return new Scope(ScopeKind.TRUST, "trustId");
    }

    private static Scope service() {
        return new Scope(ScopeKind.SERVICE, null);
    }
}
