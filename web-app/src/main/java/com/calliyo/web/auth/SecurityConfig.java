package com.calliyo.web.auth;

import java.time.Clock;

import com.calliyo.web.WebAppProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Stateless pages: no HTTP session, the user comes from the session cookies on every request
 * ({@link CookieSessionFilter}). CSRF: Spring Security's double-submit cookie (a random token in a cookie, the same
 * token in each form's hidden field or in htmx's header), so it needs no server state either. Settings are for
 * admins; everything but sign-in, sign-up, assets and health needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Pages load scripts and styles from this origin only; framing is refused like the gateway does. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The CSRF token's cookie; HttpOnly too: pages read the token from their own meta tag, not from the cookie. */
    @Bean
    CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return csrfTokens;
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, SessionCookies cookies, TokenRefresher refresher, JwtDecoder decoder,
                              WebAppProperties properties, CookieCsrfTokenRepository csrfTokens) throws Exception {
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // The user is rebuilt from the cookies on every request, which Spring Security would take
                        // for a fresh sign-in and rotate the token each time, breaking the forms already on the page.
                        // The token is rotated at the real sign-in instead (SignInController, SignUpController).
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new CookieSessionFilter(cookies, refresher, decoder, properties.refreshBefore(),
                        Clock.systemUTC()), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(pages -> pages
                        // The end of a live-updates stream comes back as an async dispatch: the request was
                        // authorized when it opened, and the cookies are not read again for it.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/sign-in", "/sign-up", "/denied", "/error").permitAll()
                        .requestMatchers("/assets/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        // The installable client: fetched by the browser before (or without) a session.
                        .requestMatchers("/manifest.webmanifest", "/sw.js", "/offline.html", "/icons/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/settings/**", "/settings").hasRole("ADMIN")
                        // lead-service lets only admins and managers import and assign; the pages say so first.
                        .requestMatchers("/leads/import", "/leads/import/**", "/leads/bulk-assign",
                                "/leads/*/assignee").hasAnyRole("ADMIN", "MANAGER")
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) ->
                                SignInRedirect.send(request, response))
                        .accessDeniedHandler((request, response, denied) -> {
                            request.setAttribute(DeniedController.CSRF, denied instanceof CsrfException);
                            response.setStatus(403);
                            request.getRequestDispatcher("/denied").forward(request, response);
                        }))
                .build();
    }
}
