package com.calliyo.gateway.limits;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The shared buckets, with this gateway's own buckets to fall back on: when the shared store fails or does not
 * answer within {@code timeout}, the request is decided by the local buckets instead (fail-open, but still limited
 * per instance), and the shared store is left alone for {@code recheck} so that an outage costs no connection
 * attempt per request. A CRM's front door should keep serving while a cache is down; per-instance limits still
 * stop a flood.
 *
 * <p>Visible as {@value #FALLBACKS} (requests decided locally) and {@value #SHARED} (1 while the shared store is
 * used, 0 while it is bypassed), and one WARN line when the store is lost and one INFO line when it is back.
 */
class FailOpenRateLimitStore implements RateLimitStore {

    static final String FALLBACKS = "calliyo.gateway.rate.limit.fallbacks";
    static final String SHARED = "calliyo.gateway.rate.limit.shared";

    private static final Logger log = LoggerFactory.getLogger(FailOpenRateLimitStore.class);
    private static final long NOT_DOWN = Long.MIN_VALUE;

    private final RateLimitStore shared;
    private final RateLimitStore local;
    private final Duration timeout;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final Counter fallbacks;
    /** nanoTime until which the shared store is bypassed; {@link #NOT_DOWN} while it answers. */
    private final AtomicLong downUntil = new AtomicLong(NOT_DOWN);

    FailOpenRateLimitStore(RateLimitStore shared, RateLimitStore local, Duration timeout, Duration recheck,
                           MeterRegistry meters, LongSupplier nanoTime) {
        this.shared = shared;
        this.local = local;
        this.timeout = timeout;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
        this.fallbacks = Counter.builder(FALLBACKS)
                .description("Requests whose rate limit was decided by this gateway's own buckets because the "
                        + "shared store (Redis) failed or was bypassed")
                .register(meters);
        Gauge.builder(SHARED, downUntil, until -> until.get() == NOT_DOWN ? 1 : 0)
                .description("1 while rate limits use the shared store, 0 while this gateway uses its own buckets")
                .register(meters);
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(String key, RateLimitProperties.Limit limit) {
        if (bypassed()) {
            return local(key, limit);
        }
        return shared.tryConsume(key, limit)
                .timeout(timeout, Mono.error(() -> new TimeoutException("no answer within " + timeout)))
                .doOnNext(decision -> recovered())
                .onErrorResume(failure -> {
                    lost(failure);
                    return local(key, limit);
                });
    }

    private boolean bypassed() {
        long until = downUntil.get();
        return until != NOT_DOWN && nanoTime.getAsLong() - until < 0;
    }

    private Mono<RateLimitDecision> local(String key, RateLimitProperties.Limit limit) {
        fallbacks.increment();
        return local.tryConsume(key, limit);
    }

    private void lost(Throwable failure) {
        long previous = downUntil.getAndSet(nanoTime.getAsLong() + recheckNanos);
        if (previous == NOT_DOWN) {
            log.warn("Rate-limit store unreachable ({}); limiting per gateway instance until it answers again, "
                    + "rechecked every {} s", failure.toString(), Duration.ofNanos(recheckNanos).toSeconds());
        }
    }

    private void recovered() {
        if (downUntil.getAndSet(NOT_DOWN) != NOT_DOWN) {
            log.info("Rate-limit store answers again; limits are shared by every gateway instance");
        }
    }
}
