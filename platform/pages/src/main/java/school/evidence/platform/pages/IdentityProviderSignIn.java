package school.evidence.platform.pages;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.IdentityProperties;
import school.evidence.platform.access.TokenCallers;

import java.util.ArrayList;
import java.util.List;

/**
 * Signing in to the pages with the school's identity provider: OpenID Connect's authorization code flow with PKCE
 * (Spring Security's OAuth2 client, configured by {@code spring.security.oauth2.client.*}). The ID token's claims name
 * the caller by the same mapping as the API's bearer tokens ({@code evidence.identity.*}), so a user has the same
 * roles and schools in a browser as through the API.
 */
final class IdentityProviderSignIn {

    /** A signed-in user as the session keeps them: the provider's ID token and the caller its claims name. */
    static final class SignedInUser extends DefaultOidcUser implements Caller.SignedIn {
        private final Caller caller;

        SignedInUser(OidcUser user, Caller caller) {
            super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.userId();
        }
    }

    /** One way to sign in, as the sign-in page offers it. */
    record Provider(String name, String path) {
    }

    private IdentityProviderSignIn() {
    }

    static void configure(HttpSecurity http, ClientRegistrationRepository clients, IdentityProperties identity)
            throws Exception {
        TokenCallers callers = new TokenCallers(identity);
        OidcUserService users = new OidcUserService();
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        // PKCE for confidential clients too (public clients get it anyway): a stolen code is useless alone
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login
                .loginPage("/sign-in")
                .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                .userInfoEndpoint(u -> u.oidcUserService(request -> signedIn(users, callers, request)))
                .defaultSuccessUrl("/", false)
                .failureUrl("/sign-in?failed"));
    }

    private static OidcUser signedIn(OidcUserService users, TokenCallers callers, OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        Caller caller = callers.callerOf(user.getClaims());
        if (caller == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token",
                    "The identity provider's token does not name its user", null));
        }
        return new SignedInUser(user, caller);
    }

    /** The identity providers the pages offer, by the names they were registered under. */
    static List<Provider> providers(ClientRegistrationRepository clients) {
        List<Provider> out = new ArrayList<>();
        if (clients instanceof Iterable<?> registrations) {
            for (Object each : registrations) {
                ClientRegistration registration = (ClientRegistration) each;
                out.add(new Provider(registration.getClientName(),
                                     "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        return out;
    }
}
