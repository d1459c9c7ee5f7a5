package com.calliyo.tokencheck.instances;

import java.net.URI;
import java.util.Optional;

/**
 * An address that names either one URL ({@code http://127.0.0.1:8081/...}) or every instance of a service
 * ({@code lb://lead-service/...}, the gateway's spelling): the latter is sent as {@code http://lead-service/...}
 * through Spring Cloud LoadBalancer, which picks an instance from
 * {@code spring.cloud.discovery.client.simple.instances.lead-service} and retries on the next one when an instance
 * refuses the connection.
 */
public record ServiceAddress(URI uri) {

    public static final String LOAD_BALANCED_SCHEME = "lb";

    public static ServiceAddress of(URI uri) {
        return new ServiceAddress(uri);
    }

    public boolean loadBalanced() {
        return LOAD_BALANCED_SCHEME.equalsIgnoreCase(uri.getScheme());
    }

    /** The service id the balancer chooses an instance of ({@code lead-service}); only for a load-balanced one. */
    public String serviceId() {
        return uri.getHost();
    }

    /** What an HTTP client is given: the URL itself, or {@code http://<service>/path} for the balancer to rewrite. */
    public URI requestUri() {
        if (!loadBalanced()) {
            return uri;
        }
        return URI.create("http" + uri.toString().substring(LOAD_BALANCED_SCHEME.length()));
    }

    /**
     * The balancer's part of an HTTP client that calls an {@code lb://} address (a
     * {@code BlockingLoadBalancerInterceptor}, or a {@code LoadBalancedExchangeFilterFunction} for a WebClient; null
     * where there is none): fails at once with a clear message without one.
     */
    public <T> T balancedBy(T loadBalancer) {
        return Optional.ofNullable(loadBalancer).orElseThrow(() -> new IllegalStateException(
                uri + " names every instance of " + serviceId()
                        + ", but Spring Cloud LoadBalancer is not available (spring.cloud.loadbalancer.enabled?)"));
    }
}
