package com.calliyo.lead.auth;

import com.calliyo.lead.apikey.ApiKeyAuthenticator;
import com.calliyo.lead.apikey.ApiScope;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.user.Users;
import com.calliyo.tokencheck.TokenCheckCore;
import com.calliyo.tokencheck.TokenDecoders;
import com.calliyo.tokencheck.revocation.RevocationFeedConfiguration;
import com.calliyo.tokencheck.revocation.RevocationValidator;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import com.calliyo.tokencheck.servlet.CallerLogContext;
import com.calliyo.tokencheck.servlet.RejectedRequestProblems;
import com.calliyo.tokencheck.servlet.RequestFirewall;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * lead-service checks every token itself (the gateway checks too): RS256 with its own keys (current and previous),
 * the issuer, expiry, and that the user is still active. The public routes are exactly those the contract marks
 * public. Role rules for whole areas live here; finer rules (agents and their own leads) live in the use cases.
 */
@Configuration(proxyBeanMethods = false)
@Import({TokenCheckCore.class, RevocationFeedConfiguration.class, RejectedRequestProblems.class, RequestFirewall.class})
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, JwtDecoder jwtDecoder, ApiKeyAuthenticator apiKeys)
            throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
        jwt.setJwtAuthenticationConverter(roleAuthorities());
        BearerTokenAuthentication bearerTokens = new BearerTokenAuthentication(jwt, apiKeys);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/companies", "/api/auth/login", "/api/auth/refresh",
                                "/api/agents/auth/login")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/webhooks/leads/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // A key may call exactly what its scopes allow, and nothing that needs a user's role.
                        .requestMatchers(SecurityConfig::carriesApiKey).access(SecurityConfig::withinKeyScopes)
                        .requestMatchers(HttpMethod.GET, "/api/users", "/api/users/**").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers("/api/users", "/api/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/settings/company", "/api/settings/statuses")
                        .authenticated()
                        .requestMatchers("/api/settings/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/leads/imports").hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers(HttpMethod.GET, "/api/leads/imports/*").hasAnyRole("ADMIN", "MANAGER")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> bearerTokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterAfter(new CallerLogContext(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties, Users users, RevokedAccess revoked) {
        // the current and previous keys from the shared key ring; a kid this instance has not seen yet (another
        // instance just rotated) re-reads the ring before the token is refused. Each token's signature is verified
        // once (token-check's verified-token cache); the validators below run on every request.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        return TokenDecoders.cached(decoder, new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<String>(TokenIssuer.COMPANY_ID, companyId -> companyId != null),
                new JwtClaimValidator<String>(TokenIssuer.ROLE, SecurityConfig::isRole),
                new ActiveUserValidator(users),
                // Sign-outs: the session of the token (sid) ended; bans and changes are read from users above.
                new RevocationValidator(revoked)));
    }

    private static boolean carriesApiKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && ApiKeyAuthenticator.looksLikeApiKey(header.substring(7).trim());
    }

    private static AuthorizationDecision withinKeyScopes(Supplier<? extends Authentication> authentication,
                                                         RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof ApiKeyAuthentication key)) {
            return new AuthorizationDecision(false);
        }
        HttpServletRequest request = context.getRequest();
        return new AuthorizationDecision(ApiScope.requiredFor(request.getMethod(), request.getRequestURI())
                .map(scope -> key.key().has(scope)).orElse(false));
    }

    private static boolean isRole(String role) {
        return role != null && Arrays.stream(Role.values()).anyMatch(known -> known.name().equals(role));
    }

    private static JwtAuthenticationConverter roleAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt ->
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(TokenIssuer.ROLE))));
        return converter;
    }
}
