package com.calliyo.tokencheck;

import java.time.Clock;

import com.calliyo.tokencheck.revocation.RevokedAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What both web stacks share: the properties, the registry of revoked access, and no observation per security
 * filter. Spring Security would otherwise wrap every filter of the chain, each authentication and each authorization
 * decision in an observation of its own (a fifth of a cheap read's CPU); the HTTP server's own request metrics
 * ({@code http.server.requests}) stay.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenCheckProperties.class)
public class TokenCheckCore {

    @Bean
    @ConditionalOnMissingBean
    RevokedAccess revokedAccess(TokenCheckProperties properties) {
        return new RevokedAccess(properties.revocation().lookback(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
