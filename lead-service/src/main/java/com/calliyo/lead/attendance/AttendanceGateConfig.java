package com.calliyo.lead.attendance;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Where the attendance gate stands: the agent's work (tasks, leads and their calls, follow-ups, the day's view). */
@Configuration(proxyBeanMethods = false)
class AttendanceGateConfig implements WebMvcConfigurer {

    private final AttendanceGate gate;

    AttendanceGateConfig(AttendanceGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gate).addPathPatterns("/api/tasks", "/api/tasks/**", "/api/leads", "/api/leads/**",
                "/api/follow-ups/**", "/api/agents/follow-ups/**", "/api/agents/dashboard");
    }
}
