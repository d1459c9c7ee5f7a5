package com.calliyo.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayUrl     the suite's public front door; the only thing this app talks to
 * @param refreshBefore  an access token this close to its expiry is refreshed before the request is served, so a
 *                       form typed for minutes is not sent with a token that dies on the way
 * @param connectTimeout how long to wait for the gateway to accept a connection
 * @param readTimeout    how long to wait for an answer; a little above the gateway's own 10 s time limit
 * @param tokenIssuer    the {@code iss} the access tokens must carry, as the gateway checks it
 */
@ConfigurationProperties("web")
public record WebAppProperties(
        @DefaultValue("http://localhost:8080") URI gatewayUrl,
        @DefaultValue("60s") Duration refreshBefore,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("calliyo") String tokenIssuer) {
}
