package com.calliyo.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.calliyo.gateway.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway is an OAuth2 resource server: every request that is not public carries a valid RS256 access token
 * (signature against the issuer's key set, issuer, expiry) or is answered 401 problem+json before it is routed.
 * Opaque public-API keys are let through to lead-service's paths only, where lead-service checks them. Role rules
 * stay with the services, which check the token again (defence in depth).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({GatewaySecurityProperties.class, CorsProperties.class})
class SecurityConfig {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                           GatewaySecurityProperties properties, CorsConfigurationSource cors) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
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

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
        // Fetched on the first token, then cached; fetched again when a token names a key id the cache lacks
        // (the issuer rotated its key). A hung issuer must not hang requests: 5 s, then the token is refused.
        WebClient keys = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .responseTimeout(Duration.ofSeconds(5))))
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(keys)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, Objects::nonNull)));
        return decoder;
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
    private static ServerAuthenticationFailureHandler failures(ProblemSecurityHandlers problems) {
        return (filterExchange, failure) -> failure instanceof AuthenticationServiceException
                ? Problems.write(filterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "The token issuer's keys cannot be fetched right now; try again shortly")
                : problems.commence(filterExchange.getExchange(), failure);
    }
}
