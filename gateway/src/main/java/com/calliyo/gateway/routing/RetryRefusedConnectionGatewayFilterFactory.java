package com.calliyo.gateway.routing;

import java.net.ConnectException;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Route filter {@code RetryRefusedConnection}: sends a request again, whatever its method, when the connection to the
 * chosen instance could not be made (refused, or not made within the connect timeout). Nothing of the request has
 * left the gateway then, so a POST cannot be applied twice; every other failure (a timeout, a 5xx answer, a
 * connection closed after the request was written) is passed on untouched, for the route's other filters to judge.
 * <p>
 * Each attempt runs the rest of the chain again, the load balancer included (it is a global filter, after every
 * route filter), so the instance is chosen anew, without those that refused this request ({@link RefusedInstances}):
 * a killed instance costs no request while the health check has not yet noticed it. Listed inside the route's
 * CircuitBreaker, a refused attempt that then succeeds is one successful call, so one dead instance does not open
 * the whole service's circuit.
 * <p>
 * Not Spring Cloud Gateway's Retry filter with all methods: its {@code methods} also limit its exception retries, and
 * two Retry filters on one route share one attempt counter (the exchange's {@code retry_iteration}), so a second one
 * would cut the GET filter's retries short.
 * <p>
 * The request body is not cached for this: a refused attempt never read it, so the next attempt reads it for the
 * first time (a 10 MB import is not held in memory for a retry it rarely needs).
 */
@Component
public class RetryRefusedConnectionGatewayFilterFactory
        extends AbstractGatewayFilterFactory<RetryRefusedConnectionGatewayFilterFactory.Config> {

    private static final Log log = LogFactory.getLog(RetryRefusedConnectionGatewayFilterFactory.class);

    public RetryRefusedConnectionGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("retries");
    }

    @Override
    public GatewayFilter apply(Config config) {
        if (config.getRetries() < 1) {
            throw new IllegalArgumentException("retries must be at least 1, was " + config.getRetries());
        }
        int retries = config.getRetries();
        return (exchange, chain) -> Mono.defer(() -> chain.filter(exchange))
                .retryWhen(Retry.max(retries)
                        .filter(RetryRefusedConnectionGatewayFilterFactory::connectionNotMade)
                        .doBeforeRetry(signal -> {
                            log.debug("Connection not made (" + signal.failure() + "); request sent again, retry "
                                    + (signal.totalRetries() + 1) + " of " + retries);
                            // the balancer leaves this instance out for the retry (RefusedInstances)
                            RefusedInstances.rememberChosen(exchange);
                            // Routed again from the route's lb:// URI: the previous attempt's routing is forgotten.
                            ServerWebExchangeUtils.reset(exchange);
                        })
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** A refused or timed-out connect: java.net's, or Netty's subclasses of it, possibly wrapped. */
    static boolean connectionNotMade(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    public static class Config {

        /** Further attempts after the first; each may go to another instance. */
        private int retries = 2;

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }
    }
}
