package com.calliyo.webhook.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Attempt;
import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.signing.WebhookSigner;
import com.calliyo.webhook.subscription.Subscriptions;
import com.calliyo.webhook.subscription.TargetGuard;
import com.calliyo.webhook.subscription.domain.Subscription;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt at a claimed delivery and records what came of it: the target is checked again (DNS may have
 * changed since the subscription was saved), the body signed with the subscription's secrets of the moment, the
 * answer classified by {@link RetryPolicy}, the outcome stored with the attempt's log entry, and the subscription's
 * health updated; a subscription failing for {@code disable-after}, or answered {@code 410 Gone} once, is disabled
 * here and its {@code company.webhook_disabled} event owed.
 */
@Component
class DeliveryAttempt {

    /** The answer, as far as the queue cares. */
    enum Outcome { DELIVERED, RETRY, FAILED }

    /** The receiver says the endpoint is gone for good: the subscription is disabled at once. */
    private static final int GONE = 410;

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final TargetGuard guard;
    private final WebhookHttpClient http;
    private final DisabledEvents disabledEvents;
    private final DeliveryMetrics metrics;
    private final RetryPolicy retries;
    private final WebhookServiceProperties.Delivery settings;
    private final Clock clock = Clock.systemUTC();

    DeliveryAttempt(Deliveries deliveries, Subscriptions subscriptions, TargetGuard guard,
                    WebhookHttpClient http, DisabledEvents disabledEvents, DeliveryMetrics metrics,
                    WebhookServiceProperties properties) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.http = http;
        this.disabledEvents = disabledEvents;
        this.settings = properties.delivery();
        this.retries = new RetryPolicy(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    Outcome attempt(Delivery delivery, Subscription subscription, CircuitBreaker breaker) {
        Instant started = clock.instant();
        Optional<String> refusal = guard.refusal(subscription.url());
        WebhookHttpClient.Answer answer = refusal.isPresent()
                ? new WebhookHttpClient.Answer(null, Optional.empty(), null, "target refused: url " + refusal.get(), 0)
                : http.post(subscription.url(), headers(delivery, subscription, started), delivery.body());
        Integer status = answer.statusCode();
        Outcome outcome = RetryPolicy.isSuccess(status) ? Outcome.DELIVERED
                : RetryPolicy.isRetryable(status) ? Outcome.RETRY : Outcome.FAILED;
        Instant now = clock.instant();
        Attempt logged = new Attempt(delivery.id(), started, status, answer.latencyMillis(), answer.response(),
                answer.error(), outcome.name());
        if (outcome == Outcome.RETRY) {
            breaker.onError(answer.latencyMillis(), TimeUnit.MILLISECONDS, new IllegalStateException(
                    status == null ? answer.error() : "HTTP " + status));
        } else {
            breaker.onSuccess(answer.latencyMillis(), TimeUnit.MILLISECONDS);
        }
        switch (outcome) {
            case DELIVERED -> {
                deliveries.delivered(delivery.id(), status, logged);
                if (subscription.failingSince() != null) {
                    subscriptions.markHealthy(subscription.id());
                }
            }
            case RETRY -> deliveries.retryAt(delivery.id(),
                    now.plus(retries.wait(delivery.attempts() + 1, answer.retryAfter(), now)), status, logged);
            case FAILED -> deliveries.failed(delivery.id(), status, logged);
        }
        metrics.attempted(outcome, answer.latencyMillis());
        if (outcome != Outcome.DELIVERED) {
            subscriptions.markFailing(subscription.id(), started, status);
            boolean gone = status != null && status == GONE;
            boolean disabled = gone
                    ? subscriptions.disableGone(subscription.id(), now)
                    : subscriptions.disableIfFailingSince(subscription.id(), now.minus(settings.disableAfter()), now);
            if (disabled) {
                metrics.subscriptionDisabled(gone);
                disabledEvents.wake();
            }
        }
        return outcome;
    }

    private static Map<String, String> headers(Delivery delivery, Subscription subscription, Instant now) {
        long timestamp = now.getEpochSecond();
        return Map.of("webhook-id", delivery.eventId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.signatures(subscription.signingSecrets(now), delivery.eventId(),
                        timestamp, delivery.body()));
    }
}
