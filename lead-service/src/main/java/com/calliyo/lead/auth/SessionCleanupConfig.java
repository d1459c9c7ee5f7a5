package com.calliyo.lead.auth;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SessionCleanupConfig implements SchedulingConfigurer {

    private final SessionCleanup cleanup;
    private final AuthProperties properties;

    SessionCleanupConfig(SessionCleanup cleanup, AuthProperties properties) {
        this.cleanup = cleanup;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(cleanup::deleteExpired, properties.cleanupInterval(),
                properties.cleanupInterval()));
    }
}
