package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * lead-service's {@code /actuator/signingkeys} (list and rotate the token signing keys) is for operators on
 * lead-service's own port; the gateway routes no {@code /actuator} path, so neither a user's token nor operator
 * credentials reach it through the gateway.
 */
class GatewayOperatorEndpointTest extends StubbedGateway {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void shouldNotRouteLeadServicesSigningKeyEndpoint(String method) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("operator:secret".getBytes(StandardCharsets.UTF_8));

        int withUserToken = client.method(HttpMethod.valueOf(method)).uri("/actuator/signingkeys")
                .exchange().returnResult(String.class).getStatus().value();
        int withOperatorCredentials = anonymous.method(HttpMethod.valueOf(method)).uri("/actuator/signingkeys")
                .header(HttpHeaders.AUTHORIZATION, basic)
                .exchange().returnResult(String.class).getStatus().value();

        assertThat(withUserToken).isIn(401, 404);
        assertThat(withOperatorCredentials).isIn(401, 404);
        SERVICES.forEach((name, stub) -> assertThat(stub.hits()).as(name).isZero());
    }
}
