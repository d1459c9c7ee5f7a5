package com.calliyo.tokencheck.servlet;

import java.util.List;

import com.calliyo.tokencheck.TokenCheckCore;
import com.calliyo.tokencheck.TokenCheckProperties;
import com.calliyo.tokencheck.TokenClaims;
import com.calliyo.tokencheck.TokenDecoders;
import com.calliyo.tokencheck.instances.LoadBalancedCalls;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service as an OAuth2 resource server for lead-service's access tokens: every {@code /api/**} call needs
 * a valid, unrevoked token, although the gateway checks it too (defence in depth); health, info, Prometheus and the
 * API description stay open for probes, scrapers and the gateway's Swagger UI. Stateless: no session, no CSRF token,
 * no login form, no basic auth. A service imports this next to {@code RevocationFeedConfiguration}; role rules stay
 * in the service's use cases ({@link CallerResolver} gives the caller).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({TokenCheckCore.class, RejectedRequestProblems.class, RequestFirewall.class, BearerApiDocs.class,
        LoadBalancedCalls.class})
public class ServletTokenCheck {

    @Bean
    SecurityFilterChain tokenCheckedApi(HttpSecurity http, JsonMapper json) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(failuresAs(problems)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterAfter(new CallerLogContext(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(TokenCheckProperties properties, RevokedAccess revoked,
                          ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer) {
        return TokenDecoders.servlet(properties, revoked, loadBalancer.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    CallerResolver callerResolver() {
        return new CallerResolver();
    }

    /** {@code role: MANAGER} becomes the authority {@code ROLE_MANAGER}, for {@code hasRole} rules. */
    private static JwtAuthenticationConverter roleAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(token -> List.of(
                new SimpleGrantedAuthority("ROLE_" + token.getClaimAsString(TokenClaims.ROLE))));
        return converter;
    }

    /** By default a key-set outage escapes the filter as a 500; answer it as a 503 problem instead. */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failuresAs(ProblemSecurityHandlers problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(problems);
                return filter;
            }
        };
    }
}
