package school.evidence.platform.access;

import school.evidence.platform.access.AccessRules.ScopeKind;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call this route, for which school or trust: on every handler of an {@code /api} route, beside its mapping.
 * A route without one is refused to everyone (and the permission-matrix test fails the build).
 *
 * <p>{@code variable} names the path variable (or, for {@code BODY_*} scopes, the body field) that says which school or
 * trust; it defaults to {@code urn}, {@code planId} or {@code trustId} by scope. {@code record}: for
 * {@link ScopeKind#RECORD}, the kind of record (aggregate type) the id must name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Who value();

    ScopeKind scope();

    String variable() default "";

    String record() default "";
}
