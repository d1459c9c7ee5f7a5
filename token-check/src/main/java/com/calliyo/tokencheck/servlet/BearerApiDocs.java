package com.calliyo.tokencheck.servlet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says in a service's OpenAPI description what {@link ServletTokenCheck} enforces: every operation (all are under
 * {@code /api/**}) takes lead-service's access token as a bearer token. With it, the gateway's Swagger UI offers
 * "Authorize" for the service and sends the token. Only where the service has springdoc.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
class BearerApiDocs {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer bearerSecurityScheme() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token from lead-service's POST /api/auth/login"));
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
