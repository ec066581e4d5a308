package school.evidence.platform.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import school.evidence.kernel.Rejection;

/** What a page shows when a request cannot be answered: the reason in words, with the right status, never JSON. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(Rejection.class)
    String rejected(Rejection e, HttpServletResponse response, Model model) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    /** Refused inside a page's handler (a governor asking for a lesson-visit form): the page that says why. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String refused(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "refused";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mistyped(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("status", HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message", "The address asks for something this page does not have (" + e.getName()
                + "). Go back and choose again.");
        return "problem";
    }
}
