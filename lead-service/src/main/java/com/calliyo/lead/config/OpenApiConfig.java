package com.calliyo.lead.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: every operation takes a Bearer token unless marked public. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI leadServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Calliyo lead-service").version("v1").description("""
                        Companies, users and sign-in; the status pipeline; capturing leads by form, CSV, webhook and \
                        API; lead lists. Errors are application/problem+json with errors[{field, message}]. Public: \
                        POST /api/companies, POST /api/auth/login, POST /api/auth/refresh (the refresh token is the \
                        credential), POST /api/webhooks/leads/{keyId} (X-Webhook-Token), \
                        GET /.well-known/jwks.json."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An access token from POST /api/auth/login (JWT), or a public API key (ck_live_…)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
