package com.calliyo.lead.attendance;

import com.calliyo.lead.assignment.JobsProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Ticks {@link AutoCheckOut} on the daily jobs' scheduler settings ({@code lead.jobs.tick}, one minute; off with
 * {@code lead.jobs.scheduler-enabled=false}, as in tests, which call it with their own clock).
 */
@Configuration(proxyBeanMethods = false)
class AutoCheckOutConfig implements SchedulingConfigurer {

    private final AutoCheckOut autoCheckOut;
    private final JobsProperties properties;

    AutoCheckOutConfig(AutoCheckOut autoCheckOut, JobsProperties properties) {
        this.autoCheckOut = autoCheckOut;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.schedulerEnabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(autoCheckOut::tick, properties.tick(), properties.tick()));
        }
    }
}
