package com.calliyo.consumers;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link BatchApplyTimer}; Spring Boot gives the listener container factory the one {@code BatchInterceptor}
 * bean there is. A service with batch listeners imports this.
 */
@Configuration(proxyBeanMethods = false)
public class BatchApplyTiming {

    @Bean
    BatchApplyTimer batchApplyTimer(MeterRegistry meters) {
        return new BatchApplyTimer(meters);
    }
}
