package com.calliyo.gateway.security;

import java.time.Duration;
import java.util.List;

import com.calliyo.tokencheck.TokenCheckCore;
import com.calliyo.tokencheck.TokenCheckProperties;
import com.calliyo.tokencheck.TokenDecoders;
import com.calliyo.tokencheck.reactive.ReactiveProblemHandlers;
import com.calliyo.tokencheck.reactive.ReactiveProblems;
import com.calliyo.tokencheck.revocation.RevocationFeedConfiguration;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway is an OAuth2 resource server: every request that is not public carries a valid RS256 access token
 * (signature against the issuer's key set, issuer, expiry) or is answered 401 problem+json before it is routed.
 * Opaque public-API keys are let through to lead-service's paths only, where lead-service checks them. The checks
 * (and the revocation feed that refuses a banned, demoted or signed-out user's older tokens within a second) are
 * token-check's, the same as in every service. Role rules stay with the services, which check the token again
 * (defence in depth).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({GatewaySecurityProperties.class, CorsProperties.class})
@Import({TokenCheckCore.class, RevocationFeedConfiguration.class})
class SecurityConfig {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                           GatewaySecurityProperties properties, CorsConfigurationSource cors) {
        ReactiveProblemHandlers problems = new ReactiveProblemHandlers();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // Spring Security's own CORS filter answers a refused origin with an empty 403.
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new ProblemCorsFilter(cors), SecurityWebFiltersOrder.CORS)
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // Written on https requests only (behind a TLS-terminating proxy: forward headers).
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PublicRoutes.MATCHER).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(bearerTokensOutsidePublicRoutes())
                        .authenticationManagerResolver(tokens(jwtDecoder, properties))
                        .authenticationFailureHandler(failures(problems))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /** Hostile paths are refused before any filter runs; the answer is problem+json like every other 400. */
    @Bean
    ServerWebExchangeFirewall pathFirewall() {
        return new PathFirewall();
    }

    @Bean
    ServerExchangeRejectedHandler problemJsonExchangeRejectedHandler() {
        return new ReactiveProblemHandlers();
    }

    /** The key set from any lead-service instance ({@code lb://lead-service/...}, the routes' instance list). */
    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenCheckProperties properties, RevokedAccess revoked,
                                  ObjectProvider<LoadBalancedExchangeFilterFunction> loadBalancer) {
        return TokenDecoders.reactive(properties, revoked, loadBalancer.getIfAvailable());
    }

    /** A stale token sent to login or a webhook must not turn a public call into a 401. */
    private static ServerAuthenticationConverter bearerTokensOutsidePublicRoutes() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange -> PublicRoutes.MATCHER.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    private static ReactiveAuthenticationManagerResolver<ServerWebExchange> tokens(
            ReactiveJwtDecoder jwtDecoder, GatewaySecurityProperties properties) {
        ReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(jwtDecoder);
        List<ServerWebExchangeMatcher> patterns = properties.apiKeyPaths().stream()
                .map(pattern -> (ServerWebExchangeMatcher) new PathPatternParserServerWebExchangeMatcher(pattern))
                .toList();
        ServerWebExchangeMatcher apiKeyPaths = patterns.isEmpty()
                ? exchange -> ServerWebExchangeMatcher.MatchResult.notMatch()
                : new OrServerWebExchangeMatcher(patterns);
        return exchange -> Mono.just(authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            if (!token.startsWith(properties.apiKeyPrefix())) {
                // The decoder fails with a plain IllegalStateException when the key set cannot be fetched.
                return jwt.authenticate(authentication)
                        .onErrorMap(failure -> !(failure instanceof AuthenticationException),
                                failure -> new AuthenticationServiceException("Cannot check the token now", failure));
            }
            return apiKeyPaths.matches(exchange).flatMap(match -> match.isMatch()
                    ? Mono.just(new ApiKeyPassThrough(token))
                    : Mono.error(new InvalidBearerTokenException("API keys are accepted by lead-service only")));
        });
    }

    /** A bad token is 401; keys that cannot be fetched (issuer down at a cold start) are 503, not a 500. */
    private static ServerAuthenticationFailureHandler failures(ReactiveProblemHandlers problems) {
        return (filterExchange, failure) -> failure instanceof AuthenticationServiceException
                ? ReactiveProblems.write(filterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "The token issuer's keys cannot be fetched right now; try again shortly")
                : problems.commence(filterExchange.getExchange(), failure);
    }
}
