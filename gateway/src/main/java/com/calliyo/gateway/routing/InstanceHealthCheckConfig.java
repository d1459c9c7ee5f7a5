package com.calliyo.gateway.routing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The load balancer's instance health check ({@code spring.cloud.loadbalancer.configurations=health-check}) asks each
 * instance with a {@link WebClient.Builder} from the context, which Spring Boot 4 configures only with its separate
 * webclient module; the gateway has no other use for one, so it is declared here, and only when the check is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cloud.loadbalancer.configurations", havingValue = "health-check")
class InstanceHealthCheckConfig {

    @Bean
    @ConditionalOnMissingBean
    WebClient.Builder instanceHealthCheckWebClient() {
        return WebClient.builder();
    }
}
