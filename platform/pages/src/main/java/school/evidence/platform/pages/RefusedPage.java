package school.evidence.platform.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import school.evidence.platform.access.OpenPage;

/** What a refused page request is shown (status 403): why, in words, and where to go instead. */
@PageController
class RefusedPage {

    static final String PATH = "/refused";

    @OpenPage
    @RequestMapping(PATH)
    String refused(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "refused";
    }
}
