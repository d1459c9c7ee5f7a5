package com.calliyo.gateway.routing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds {@link AvoidRefusedInstancesSupplier} to every service's balancer (each is a child context of its own). It
 * wraps whatever instance list {@code spring.cloud.loadbalancer.configurations} built (with or without the health
 * check) instead of replacing it, so that choice stays in configuration.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = AvoidRefusedInstancesConfig.PerService.class)
class AvoidRefusedInstancesConfig {

    /** Registered in each balancer's child context only; not a component, so the main context never scans it. */
    static class PerService {

        @Bean
        static BeanPostProcessor avoidRefusedInstances() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof ServiceInstanceListSupplier supplier
                            && !(bean instanceof AvoidRefusedInstancesSupplier)
                            ? new AvoidRefusedInstancesSupplier(supplier) : bean;
                }
            };
        }
    }
}
