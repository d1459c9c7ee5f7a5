package com.calliyo.webhook.delivery;

import java.time.Duration;
import java.util.Locale;

import com.calliyo.webhook.delivery.domain.Delivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The delivery meters, counted once the attempt's outcome is stored:
 * <ul>
 * <li>{@value #ATTEMPTS} ({@code calliyo_webhook_delivery_attempts_seconds}, tag {@code outcome}: delivered,
 * retrying, failed = given up): one per attempt, timed from the request to the receiver's answer (or the error);
 * its {@code _count} by outcome is the deliveries by outcome.</li>
 * <li>{@value #DISABLED} (tag {@code reason}: failing, gone): subscriptions this instance disabled.</li>
 * </ul>
 * Every series is registered at start, so rates and alerts start from 0 rather than from a missing series.
 */
@Component
class DeliveryMetrics {

    static final String ATTEMPTS = "calliyo.webhook.delivery.attempts";
    static final String DISABLED = "calliyo.webhook.subscriptions.disabled";

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (DeliveryAttempt.Outcome outcome : DeliveryAttempt.Outcome.values()) {
            attempts(outcome);
        }
        disabled("failing");
        disabled("gone");
    }

    void attempted(DeliveryAttempt.Outcome outcome, long latencyMillis) {
        attempts(outcome).record(Duration.ofMillis(Math.max(0, latencyMillis)));
    }

    void subscriptionDisabled(boolean gone) {
        disabled(gone ? "gone" : "failing").increment();
    }

    private Counter disabled(String reason) {
        return Counter.builder(DISABLED).description("Subscriptions disabled: failing too long, or 410 Gone")
                .tag("reason", reason).register(meters);
    }

    private Timer attempts(DeliveryAttempt.Outcome outcome) {
        String name = outcome == DeliveryAttempt.Outcome.RETRY ? "retrying" : outcome.name().toLowerCase(Locale.ROOT);
        return Timer.builder(ATTEMPTS).description("Delivery attempts by outcome, timed to the receiver's answer")
                .tag("outcome", name).register(meters);
    }
}
