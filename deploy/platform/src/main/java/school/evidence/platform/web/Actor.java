package school.evidence.platform.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in person a command is recorded against. */
public record Actor(String userId, String role) {

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("No signed-in user");
        }
        String role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                          .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse("NONE");
        return new Actor(auth.getName(), role);
    }
}
