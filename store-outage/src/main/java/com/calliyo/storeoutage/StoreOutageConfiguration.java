package com.calliyo.storeoutage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Imported by every service ({@code @Import(StoreOutageConfiguration.class)}): the driver timeouts, the 503 filter
 * and the listener back-off for an unreachable store. Readiness is each service's own {@code application.yml}
 * ({@code management.endpoint.health.group.readiness.include}), since only it knows which checks it needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreOutageProperties.class)
public class StoreOutageConfiguration {

    /** Just inside the observation filter, so metrics and traces see the 503, and outside security. */
    static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    StoreTimeouts storeTimeouts(StoreOutageProperties properties) {
        return new StoreTimeouts(properties);
    }

    @Bean
    FilterRegistrationBean<StoreOutageFilter> storeOutageFilter(StoreOutageProperties properties) {
        FilterRegistrationBean<StoreOutageFilter> registration =
                new FilterRegistrationBean<>(new StoreOutageFilter(properties));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    ListenerStoreWait listenerStoreWait(StoreOutageProperties properties) {
        return new ListenerStoreWait(properties);
    }
}
