package com.calliyo.gateway.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * Adds the gateway route to the server's {@code http.server.requests} meters as tag {@code route} (its id, e.g.
 * {@code lead-service}; {@code none} for what no route took: the gateway's own endpoints and its refusals). A
 * proxied request has no handler pattern, so the {@code uri} tag alone says only {@code UNKNOWN}; the route costs
 * nothing more per request, unlike the gateway's own per-route timer or client observation.
 */
@Component
class RouteTagConvention extends DefaultServerRequestObservationConvention {

    static final String ROUTE = "route";

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object route = context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String id = route instanceof Route matched ? matched.getId() : "none";
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(ROUTE, id));
    }
}
