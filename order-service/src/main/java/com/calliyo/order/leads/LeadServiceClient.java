package com.calliyo.order.leads;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.tokencheck.instances.ServiceAddress;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.BlockingLoadBalancerInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Asks lead-service whether the caller may see a lead ({@code GET /api/leads/{id}} with the caller's own
 * {@code Authorization} header, so lead-service applies its company and agent rules). At {@code lb://lead-service}
 * (the default) any lead-service instance answers: Spring Cloud LoadBalancer takes them in turn and sends the call
 * to the next instance when one refuses the connection or times out, so one stopped instance is neither seen here
 * nor counted by the circuit breaker. Guarded by Resilience4j's
 * {@code lead-service} instances, configured in {@code application.yml}:
 * <ul>
 *   <li>time limiter: each attempt runs on a small pool and is abandoned (and interrupted) after its time-out;</li>
 *   <li>circuit breaker: after enough failures further calls fail at once until lead-service is probed again;</li>
 *   <li>retry: exponential back-off, only for {@link LeadServiceUnavailableException} (connection failures and
 *       5xx); a time-out or an open circuit is not retried, so the caller hears "unavailable" within about one
 *       time-out.</li>
 * </ul>
 * Any failure ends as {@link LeadServiceUnavailableException}, which the API answers with 503.
 */
@Component
public class LeadServiceClient implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LeadServiceClient.class);
    static final String INSTANCE = "lead-service";

    private final RestClient http;
    private final ExecutorService calls;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;

    LeadServiceClient(LeadServiceProperties properties, ObjectProvider<BlockingLoadBalancerInterceptor> loadBalancer,
                      CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
                      TimeLimiterRegistry timeLimiters) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        requests.setReadTimeout(properties.readTimeout());
        ServiceAddress leadService = ServiceAddress.of(properties.url());
        RestClient.Builder http = RestClient.builder().baseUrl(leadService.requestUri().toString())
                .requestFactory(requests);
        if (leadService.loadBalanced()) {
            http.requestInterceptor(leadService.balancedBy(loadBalancer.getIfAvailable()));
        }
        this.http = http.build();
        this.calls = Executors.newFixedThreadPool(properties.maxConcurrentCalls(), daemonThreads());
        this.circuitBreaker = circuitBreakers.circuitBreaker(INSTANCE);
        this.retry = retries.retry(INSTANCE);
        this.timeLimiter = timeLimiters.timeLimiter(INSTANCE);
    }

    /** Whether lead-service shows this lead to the token's holder (false for 404 or any other refusal). */
    public boolean canSee(String leadId, String authorization) {
        try {
            return Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(circuitBreaker,
                    TimeLimiter.decorateFutureSupplier(timeLimiter, () -> submit(leadId, authorization)))).call();
        } catch (LeadServiceUnavailableException e) {
            throw e;
        } catch (CallNotPermittedException e) {
            throw new LeadServiceUnavailableException("lead-service is failing; calls are paused for a moment", e);
        } catch (TimeoutException e) {
            throw new LeadServiceUnavailableException("lead-service did not answer in time", e);
        } catch (Exception e) {
            throw new LeadServiceUnavailableException("lead-service could not be asked: " + e, e);
        }
    }

    private Future<Boolean> submit(String leadId, String authorization) {
        return calls.submit(() -> ask(leadId, authorization));
    }

    private boolean ask(String leadId, String authorization) {
        try {
            return http.get().uri("/api/leads/{id}", leadId)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.is5xxServerError()) {
                            throw new LeadServiceUnavailableException("lead-service answered " + status.value(),
                                    null);
                        }
                        if (!status.is2xxSuccessful() && status.value() != 404) {
                            log.warn("lead-service answered {} for lead {}; treating it as not visible",
                                    status.value(), leadId);
                        }
                        return status.is2xxSuccessful();
                    });
        } catch (ResourceAccessException e) {
            throw new LeadServiceUnavailableException("lead-service is unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lead-service-call-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
