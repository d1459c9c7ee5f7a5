package com.calliyo.tokencheck.servlet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's firewall answers a hostile path (encoded slashes, NUL, "..") with an empty 400; the suite
 * answers every error as problem+json. Spring Security uses a {@link RequestRejectedHandler} bean when there is one.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequestProblems {

    @Bean
    RequestRejectedHandler problemJsonRequestRejectedHandler(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }
}
