package com.calliyo.tokencheck.instances;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Calls from one service to every instance of another, the way the gateway routes to them: Spring Cloud
 * LoadBalancer over the instances listed in {@code spring.cloud.discovery.client.simple.instances.<service>} (each
 * service's {@code application.yml} binds lead-service's from {@code LEAD_SERVICE_URLS}, else its one
 * {@code LEAD_SERVICE_URL}). With spring-retry present the balancer's interceptor retries a GET on the next instance
 * when one refuses the connection or times out ({@code spring.cloud.loadbalancer.retry.*}).
 */
@Configuration(proxyBeanMethods = false)
public class LoadBalancedCalls {

    @Bean
    @ConfigurationPropertiesBinding
    static InstanceUrlConverter instanceUrlConverter() {
        return new InstanceUrlConverter();
    }
}
