package com.calliyo.lead.idempotency;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfig implements SchedulingConfigurer {

    private final IdempotencyKeyCleanup cleanup;
    private final IdempotencyProperties properties;

    IdempotencyConfig(IdempotencyKeyCleanup cleanup, IdempotencyProperties properties) {
        this.cleanup = cleanup;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(cleanup::deleteExpired, properties.cleanupInterval(),
                properties.cleanupInterval()));
    }
}
