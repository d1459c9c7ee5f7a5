package com.calliyo.lead.assignment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily jobs' scheduler: whether this instance looks for due jobs ({@code schedulerEnabled}; off in tests), how
 * often ({@code tick}), and how long a run's lease lasts before another instance may take over a run whose instance
 * died ({@code leaseDuration}; longer than the slowest run).
 */
@ConfigurationProperties("lead.jobs")
public record JobsProperties(Boolean schedulerEnabled, Duration tick, Duration leaseDuration) {

    public JobsProperties {
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        tick = tick == null ? Duration.ofMinutes(1) : tick;
        leaseDuration = leaseDuration == null ? Duration.ofMinutes(30) : leaseDuration;
    }
}
