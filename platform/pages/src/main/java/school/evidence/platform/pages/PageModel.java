package school.evidence.platform.pages;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import school.evidence.platform.access.Caller;

/** What every page shows of who is signed in: their name, as the identity provider (or demo mode) gives it. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    /** The page's own address without its query: "see it as it is now" links back to it. */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("signedIn")
    String signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return Caller.of(auth).name();
    }
}
