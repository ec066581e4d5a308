package school.evidence.platform.pages;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import school.evidence.platform.access.DemoUsers;
import school.evidence.platform.access.IdentityProperties;
import school.evidence.platform.access.RouteAccess;
import school.evidence.platform.web.WebPlatformAutoConfiguration;

import java.time.Duration;

/**
 * The pages people use in a browser: a session after signing in (with the school's identity provider by OpenID
 * Connect, or as a demo user in demo mode; cookie HttpOnly, SameSite=Lax, Secure), a CSRF token
 * on every form, the same access rules as the API ({@code @Allowed} beside each page handler), and a refusal shown as
 * a page that says why. The JSON API keeps its own chain: tokens, no session.
 */
// before Boot's OAuth2 client security, which would otherwise add a chain of its own for every request
@AutoConfiguration(after = WebPlatformAutoConfiguration.class,
                   beforeName = "org.springframework.boot.autoconfigure.security.oauth2.client.servlet."
                           + "OAuth2ClientWebSecurityAutoConfiguration")
@Import({SignInPage.class, RefusedPage.class, PageModel.class, PageProblems.class})
public class PagesAutoConfiguration {

    /** A page after a form waits for the read models to show the form's write ({@link ReadYourWrites}). */
    @Bean
    public org.springframework.web.servlet.config.annotation.WebMvcConfigurer readYourWrites(
            ObjectProvider<org.axonframework.config.Configuration> axon,
            ObjectProvider<school.evidence.platform.axon.TokenPositions> positions) {
        ReadYourWrites interceptor = new ReadYourWrites(axon, positions);
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).excludePathPatterns("/api/**", "/webjars/**", "/pages/**");
            }
        };
    }

    @Bean
    public Words words(ObjectProvider<DemoUsers> demo) {
        DemoUsers users = demo.getIfAvailable();
        return users == null ? new Words() : new Words(users::nameOf);
    }

    /**
     * The session cookie, unless configured otherwise ({@code server.servlet.session.cookie.*}): HttpOnly, SameSite=Lax,
     * and Secure (browsers treat {@code localhost} as secure; anywhere else the pages are served over TLS).
     */
    @Bean
    public WebServerFactoryCustomizer<AbstractServletWebServerFactory> sessionCookie() {
        return new SessionCookieDefaults();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pageSecurity(HttpSecurity http, RouteAccess routeAccess,
                                            ObjectProvider<DemoUsers> demo, IdentityProperties identity,
                                            ObjectProvider<ClientRegistrationRepository> clients) throws Exception {
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(RefusedPage.PATH);
        http.authorizeHttpRequests(auth -> auth
                    .requestMatchers("/sign-in", RefusedPage.PATH, "/error", "/webjars/**", "/pages/**",
                                     "/favicon.ico").permitAll()
                    .anyRequest().access(routeAccess))
            .exceptionHandling(e -> e.accessDeniedHandler(refused)
                                     .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
            .logout(out -> out.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"));
        if (demo.getIfAvailable() != null) {
            http.formLogin(form -> form.loginPage("/sign-in").defaultSuccessUrl("/", false)
                                       .failureUrl("/sign-in?failed"));
        }
        ClientRegistrationRepository providers = clients.getIfAvailable();
        if (providers != null) {
            IdentityProviderSignIn.configure(http, providers, identity);
        }
        return http.build();
    }

    /**
     * Where the service runs as several applications (command side and query side behind one address), the page
     * session lives in the evidence database so that each sees who signed in ({@code evidence.pages.shared-sessions}).
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "evidence.pages.shared-sessions", havingValue = "true")
    @EnableSpringHttpSession
    static class SharedSessionConfiguration {

        @Bean
        SharedSessions sessionRepository(MongoDatabase evidenceDatabase, ServerProperties server) {
            Duration timeout = server.getServlet().getSession().getTimeout();
            return new SharedSessions(evidenceDatabase, timeout == null ? Duration.ofMinutes(30) : timeout);
        }

        /** The same cookie as a single node's session: configured values first, else HttpOnly, Secure, SameSite=Lax. */
        @Bean
        CookieSerializer sessionCookieSerializer(ServerProperties server) {
            org.springframework.boot.web.server.Cookie configured = server.getServlet().getSession().getCookie();
            SessionCookieDefaults.fillIn(configured);
            DefaultCookieSerializer cookie = new DefaultCookieSerializer();
            cookie.setCookieName(configured.getName());
            cookie.setUseHttpOnlyCookie(configured.getHttpOnly());
            cookie.setUseSecureCookie(configured.getSecure());
            cookie.setSameSite(configured.getSameSite().attributeValue());
            if (configured.getPath() != null) {
                cookie.setCookiePath(configured.getPath());
            }
            return cookie;
        }
    }
}
