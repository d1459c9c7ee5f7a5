package com.calliyo.tokencheck;

import java.time.Clock;

import com.calliyo.tokencheck.revocation.RevokedAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What both web stacks share: the properties and the registry of revoked access. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenCheckProperties.class)
public class TokenCheckCore {

    @Bean
    @ConditionalOnMissingBean
    RevokedAccess revokedAccess(TokenCheckProperties properties) {
        return new RevokedAccess(properties.revocation().lookback(), Clock.systemUTC());
    }
}
