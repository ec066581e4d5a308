package school.evidence.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import school.evidence.ledger.LedgerReader;
import school.evidence.platform.access.AccessRules;
import school.evidence.platform.access.DemoUsers;
import school.evidence.platform.access.IdentityNotConfigured;
import school.evidence.platform.access.IdentityProperties;
import school.evidence.platform.access.RouteAccess;
import school.evidence.platform.access.SchoolScopes;
import school.evidence.platform.access.TokenCallers;
import java.time.Duration;
import java.util.Set;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP concerns both services share: who is calling (a JWT from the school's identity provider, or a demo user in demo
 * mode), what they may do ({@link AccessRules}, checked on every API request), strict JSON, and RFC 9457 problem
 * responses.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                             ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
@Import(ProblemResponses.class)
public class WebPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebPlatformAutoConfiguration.class);

    @Bean
    public SchoolScopes schoolScopes(LedgerReader ledger) {
        return new SchoolScopes(ledger);
    }

    /** Who may call each route: the {@code @Allowed} beside every handler the service maps. */
    @Bean
    public AccessRules accessRules(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping requestMappingHandlerMapping) {
        return AccessRules.of(requestMappingHandlerMapping.getHandlerMethods());
    }

    @Bean
    public RouteAccess routeAccess(SchoolScopes scopes, ObjectProvider<AccessRules> rules) {
        // read at the first request: the security chain is built before the handlers are mapped
        return new RouteAccess(scopes, SingletonSupplier.of(rules::getObject));
    }

    /** The JSON API, the actuator and the API document: tokens (or demo Basic) on every request, no session. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, RouteAccess routeAccess, IdentityProperties identity,
                                           ObjectProvider<JwtDecoder> tokens, ObjectProvider<DemoUsers> demo)
            throws Exception {
        JwtDecoder decoder = tokens.getIfAvailable();
        DemoUsers demoUsers = demo.getIfAvailable();
        if (decoder == null && demoUsers == null) {
            throw new IdentityNotConfigured();
        }
        var unauthorized = ProblemResponses.unauthorized(decoder != null, demoUsers != null);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
            .authorizeHttpRequests(auth -> auth
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                     "/v3/api-docs/**", "/error").permitAll()
                    .requestMatchers("/api/**").access(routeAccess)
                    // metrics and info describe the service, not a school: operators only (health and the
                    // Prometheus scrape stay open for the orchestrator and the scraper; fence them by network)
                    .requestMatchers("/actuator/**").hasRole("OPERATOR")
                    .anyRequest().authenticated())
            // a stateless JSON API authenticated on every request: no session, no CSRF token to steal
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .exceptionHandling(e -> e.accessDeniedHandler(ProblemResponses::writeForbidden)
                                     .authenticationEntryPoint(unauthorized));
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(decoder)
                                                      .jwtAuthenticationConverter(new TokenCallers(identity)))
                                            .authenticationEntryPoint(unauthorized)
                                            .accessDeniedHandler(ProblemResponses::writeForbidden));
        }
        if (demoUsers != null) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        }
        return http.build();
    }

    /** Demo users (password {@code demo}), one per role; only in demo mode, and said loudly. */
    @Bean
    @ConditionalOnProperty(name = "evidence.demo.enabled", havingValue = "true")
    public DemoUsers demoUsers(@Value("${evidence.demo.schools:108520}") Set<String> schools,
                               @Value("${evidence.demo.trusts:wearside-learning-trust}") Set<String> trusts) {
        DemoUsers users = new DemoUsers(schools, trusts);
        log.warn("DEMO MODE: users {} sign in with the published password '{}' (schools {}, trusts {}). Never use "
                         + "demo mode with real data.", users.names(), DemoUsers.PASSWORD, schools, trusts);
        return users;
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Unknown fields and duplicate keys are mistakes a client must hear about, not silently dropped. Hostile shapes are
     * cut short while parsing: no text over 20,000 characters, nesting deeper than 32, or numbers longer than 30 digits;
     * no broken Unicode or control characters ({@link SafeText}).
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                                                   DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                                                   DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                                                   JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                                 // values as sent or refused: 3.7 is not a count, "2" not a rating, 42 not a name,
                                 // "yes" not a yes-or-no, and a date-time not a date
                                 .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                                                    com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                                 .modulesToInstall(modules -> {
                                     modules.add(SafeText.module());
                                     modules.add(BoundedLists.module());
                                 })
                                 .postConfigurer(mapper -> {
                                     mapper.getFactory().setStreamReadConstraints(
                                             StreamReadConstraints.builder().maxStringLength(20_000).maxNestingDepth(32)
                                                                  .maxNumberLength(30).build());
                                     mapper.configOverride(java.time.LocalDate.class).setFormat(
                                             com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false));
                                 });
    }

    /** Tomcat's own error pages (requests refused before the application sees them) as problem JSON. */
    @Bean
    public org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
        });
    }

    /** A database outage anywhere in a request answers 503, not 500. */
    @Bean
    public FilterRegistrationBean<StoreOutages> storeOutages() {
        FilterRegistrationBean<StoreOutages> registration = new FilterRegistrationBean<>(new StoreOutages());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // inside RequestIds, outside security
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Every request gets an id, before anything else can answer it. */
    @Bean
    public FilterRegistrationBean<RequestIds> requestIds() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Size limits and Idempotency-Key on writes; after sign-in, because keys belong to a caller. */
    @Bean
    public FilterRegistrationBean<WriteRequests> writeRequests(
            MongoDatabase evidenceDatabase,
            @Value("${evidence.http.max-body-bytes:1048576}") long maxBody,
            @Value("${evidence.http.max-import-bytes:10485760}") long maxImport,
            @Value("${evidence.http.idempotency-retention:PT24H}") Duration retention) {
        FilterRegistrationBean<WriteRequests> registration = new FilterRegistrationBean<>(
                new WriteRequests(evidenceDatabase, maxBody, maxImport, retention));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
