package com.calliyo.web.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

import com.calliyo.web.WebAppProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** One RestClient to the gateway; every error answer becomes an {@link ApiException} carrying its problem+json. */
@Configuration(proxyBeanMethods = false)
class GatewayClientConfig {

    @Bean
    RestClient gatewayRestClient(RestClient.Builder builder, WebAppProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        return builder
                .baseUrl(properties.gatewayUrl().toString())
                .requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new ApiException(ApiProblem.parse(response.getStatusCode().value(), body(response)));
                })
                .build();
    }

    private static String body(org.springframework.http.client.ClientHttpResponse response) {
        try {
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
