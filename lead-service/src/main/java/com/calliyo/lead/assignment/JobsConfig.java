package com.calliyo.lead.assignment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Ticks {@link JobScheduler} every {@code lead.jobs.tick} unless {@code lead.jobs.scheduler-enabled} is false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfig implements SchedulingConfigurer {

    private final JobScheduler scheduler;
    private final JobsProperties properties;

    JobsConfig(JobScheduler scheduler, JobsProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.schedulerEnabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(scheduler::tick, properties.tick(), properties.tick()));
        }
    }
}
