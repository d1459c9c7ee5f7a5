package com.calliyo.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Hands the trace on to the service a request is routed to: the proxied request carries the W3C context of the
 * gateway's own server span (replacing whatever {@code traceparent} the caller sent, which that span already
 * continues), so the service's spans become its children. The gateway's client-side observation would do the same
 * but adds a span and a timer per proxied call, which it leaves off for their CPU cost (see application.yml).
 */
@Component
class TraceContextHeadersFilter implements HttpHeadersFilter {

    private final Propagator propagator;

    TraceContextHeadersFilter(Propagator propagator) {
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .orElse(null);
        if (span == null || span.isNoop()) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        propagator.fields().forEach(headers::remove);
        propagator.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }
}
