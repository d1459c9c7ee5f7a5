package com.calliyo.consumers;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link RecordApplyTimer}; Spring Boot gives the listener container factory the one
 * {@code RecordInterceptor} bean there is. A service with record listeners imports this.
 */
@Configuration(proxyBeanMethods = false)
public class RecordApplyTiming {

    @Bean
    RecordApplyTimer recordApplyTimer(MeterRegistry meters) {
        return new RecordApplyTimer(meters);
    }
}
