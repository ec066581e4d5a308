package school.evidence.platform.pages;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.core.Ordered;

/** Fills in what the configuration left unsaid about the session cookie; runs after Boot's own customizer. */
class SessionCookieDefaults implements WebServerFactoryCustomizer<AbstractServletWebServerFactory>, Ordered {

    @Override
    public void customize(AbstractServletWebServerFactory factory) {
        fillIn(factory.getSession().getCookie());
    }

    static void fillIn(Cookie cookie) {
        if (cookie.getName() == null) {
            cookie.setName("evidence_session");
        }
        if (cookie.getHttpOnly() == null) {
            cookie.setHttpOnly(true);
        }
        if (cookie.getSecure() == null) {
            cookie.setSecure(true);
        }
        if (cookie.getSameSite() == null) {
            cookie.setSameSite(Cookie.SameSite.LAX);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
