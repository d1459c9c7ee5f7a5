package com.calliyo.gateway.limits;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.calliyo.tokencheck.reactive.ReactiveProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 problem+json for a body over the limit (1 MB; the CSV import 10 MB plus multipart framing). A declared
 * {@code Content-Length} is refused before anything reaches the service; a chunked body is counted while it streams
 * and cut off at the limit.
 */
@Component
@EnableConfigurationProperties(BodyLimitProperties.class)
class BodyLimitFilter implements GlobalFilter, Ordered {

    private final DataSize defaultMax;
    private final List<Larger> larger;

    BodyLimitFilter(BodyLimitProperties properties) {
        this.defaultMax = properties.max();
        this.larger = properties.larger().stream()
                .map(limit -> new Larger(PathPatternParser.defaultInstance.parse(limit.path()), limit.max()))
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize max = limitFor(request.getPath().pathWithinApplication());
        long declared = request.getHeaders().getContentLength();
        if (declared > max.toBytes()) {
            return tooLarge(exchange, max);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(counted(request, max)).build())
                .onErrorResume(BodyTooLargeException.class, tooLarge -> tooLarge(exchange, max));
    }

    @Override
    public int getOrder() {
        return RateLimitFilter.ORDER + 1;
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, DataSize max) {
        return ReactiveProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body may be at most " + describe(max));
    }

    private DataSize limitFor(PathContainer path) {
        return larger.stream().filter(limit -> limit.pattern().matches(path)).map(Larger::max).findFirst()
                .orElse(defaultMax);
    }

    private static ServerHttpRequest counted(ServerHttpRequest request, DataSize max) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > max.toBytes()) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException(max));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    private static String describe(DataSize size) {
        return size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : size.toBytes() + " bytes";
    }

    private record Larger(PathPattern pattern, DataSize max) {
    }
}
