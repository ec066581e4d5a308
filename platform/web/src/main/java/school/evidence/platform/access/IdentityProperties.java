package school.evidence.platform.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the identity provider's token names the caller, their roles and their memberships ({@code evidence.identity.*}).
 * The token itself is checked by Spring Security's resource server
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
 *
 * @param userClaim    the stable user id, e.g. {@code preferred_username} (Entra ID), {@code email} (Google)
 * @param nameClaim    the display name (shown, never used to decide what the caller may read)
 * @param roleClaim    a string or list of strings, e.g. Entra ID app roles ({@code roles}) or groups
 * @param roleMapping  claim value to role; the role names themselves always map to themselves, and
 *                     {@code LA_OFFICER} (a local authority's officer) to {@link Role#TRUST_OFFICER}
 * @param schoolsClaim the URNs of the user's schools (a string or a list)
 * @param trustsClaim  the ids of the user's trusts (a string or a list)
 * @param membershipsClaim per-role memberships ({@code SENIOR_LEADER@108520}, {@code TRUST_OFFICER@trust:T1},
 *                     {@code LA_OFFICER@la:sunderland},
 *                     {@code OPERATOR}); when the token has it, the role, schools and trusts claims are not used
 * @param maxTokenLifetime the longest a token may live, from its issue time to its expiry
 */
@ConfigurationProperties("evidence.identity")
public record IdentityProperties(String userClaim, String nameClaim, String roleClaim, Map<String, Role> roleMapping,
                                 String schoolsClaim, String trustsClaim, String membershipsClaim,
                                 Duration maxTokenLifetime) {

    public IdentityProperties {
        userClaim = userClaim == null ? "preferred_username" : userClaim;
        nameClaim = nameClaim == null ? "name" : nameClaim;
        roleClaim = roleClaim == null ? "roles" : roleClaim;
        Map<String, Role> mapping = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            mapping.put(role.name(), role);
        }
        // a local authority's officer is the officer of an organisation with member schools, as a trust's is
        mapping.put("LA_OFFICER", Role.TRUST_OFFICER);
        if (roleMapping != null) {
            mapping.putAll(roleMapping);
        }
        roleMapping = Map.copyOf(mapping);
        schoolsClaim = schoolsClaim == null ? "schools" : schoolsClaim;
        trustsClaim = trustsClaim == null ? "trusts" : trustsClaim;
        membershipsClaim = membershipsClaim == null ? "memberships" : membershipsClaim;
        maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(12) : maxTokenLifetime;
    }
}
