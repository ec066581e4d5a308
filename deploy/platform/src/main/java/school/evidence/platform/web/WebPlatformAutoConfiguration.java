package school.evidence.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP concerns both services share: who may call (HTTP Basic with demo users until a later issue adds OIDC),
 * strict JSON, and RFC 9457 problem responses.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
                             ManagementWebSecurityAutoConfiguration.class})
@EnableWebSecurity
@EnableMethodSecurity
@Import(ProblemResponses.class)
public class WebPlatformAutoConfiguration {

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                         "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses::writeUnauthorized))
                // a stateless JSON API authenticated on every request: no session, no CSRF token to steal
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.accessDeniedHandler(ProblemResponses::writeForbidden)
                                         .authenticationEntryPoint(ProblemResponses::writeUnauthorized))
                .build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Demo users (password {@code demo}), one per role; only in demo mode. The password is published in the README,
     * so it is stored unhashed: BCrypt on every stateless Basic request would cost ~80 ms per call and protect
     * nothing.
     */
    @Bean
    @ConditionalOnProperty(name = "evidence.demo.enabled", havingValue = "true", matchIfMissing = true)
    public UserDetailsService demoUsers() {
        String password = "{noop}demo";
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
                User.withUsername("slt").password(password).roles(Role.SENIOR_LEADER.name()).build(),
                User.withUsername("subject-leader").password(password).roles(Role.SUBJECT_LEADER.name()).build(),
                User.withUsername("governor").password(password).roles(Role.GOVERNOR.name()).build(),
                User.withUsername("trust-officer").password(password).roles(Role.TRUST_OFFICER.name()).build(),
                User.withUsername("operator").password(password).roles(Role.OPERATOR.name()).build());
        // exposed as a plain lookup so Spring Security does not "upgrade" the stored password to BCrypt on login
        return users::loadUserByUsername;
    }

    /** Unknown fields and duplicate keys are mistakes a client must hear about, not silently dropped. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                                                   DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                                                   JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
