package com.calliyo.webhook.delivery;

import java.time.Clock;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;

import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.subscription.domain.Subscription;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch of a subscription's due deliveries (oldest first) with up to {@code width} attempts in flight,
 * each for a different lead: order is promised per lead only, so leads go side by side while each lead's deliveries
 * go one after another. A delivery goes only when its lead has nothing in flight and no earlier delivery still
 * waiting (in the store, or held back in this batch after a retryable answer); then the next of that lead may go as
 * soon as the earlier one is final. Any answer but a success stops new sends until those in flight are back, so the
 * drain reads the subscription again (it may just have been disabled) before going on.
 */
final class LeadWindow {

    private static final Logger log = LoggerFactory.getLogger(LeadWindow.class);

    /** One finished attempt; {@code outcome} is null when there was none (claimed by another, or the store failed). */
    private record Sent(String lead, DeliveryAttempt.Outcome outcome) {
    }

    private final Deliveries deliveries;
    private final DeliveryAttempt attempt;
    private final CompletionService<Sent> done;
    private final int width;
    private final Clock clock;
    private final Set<String> busy = new HashSet<>();
    private final Set<String> held = new HashSet<>();
    private int inFlight;
    private boolean stopped;

    LeadWindow(Deliveries deliveries, DeliveryAttempt attempt, ExecutorService senders, int width, Clock clock) {
        this.deliveries = deliveries;
        this.attempt = attempt;
        this.done = new ExecutorCompletionService<>(senders);
        this.width = width;
        this.clock = clock;
    }

    /**
     * Sends what may go of {@code due}; {@code firstWaiting} is, per lead, the smallest {@code seq} still waiting for
     * a later attempt. Returns once nothing is in flight; true when any attempt was made.
     */
    boolean send(List<Delivery> due, Map<String, Long> firstWaiting, Subscription subscription,
                 CircuitBreaker breaker) throws InterruptedException {
        LinkedList<Delivery> waiting = new LinkedList<>(due);
        boolean progressed = false;
        while (true) {
            fill(waiting, firstWaiting, subscription, breaker);
            if (inFlight == 0) {
                return progressed;
            }
            Sent sent = next();
            inFlight--;
            progressed = true;
            busy.remove(sent.lead());
            if (sent.outcome() != DeliveryAttempt.Outcome.DELIVERED) {
                stopped = true;
                if (sent.outcome() != DeliveryAttempt.Outcome.FAILED) {
                    held.add(sent.lead()); // waiting for a retry: nothing newer of this lead goes before it
                }
            }
        }
    }

    private void fill(LinkedList<Delivery> waiting, Map<String, Long> firstWaiting, Subscription subscription,
                      CircuitBreaker breaker) {
        Iterator<Delivery> candidates = waiting.iterator();
        while (!stopped && inFlight < width && candidates.hasNext()) {
            Delivery delivery = candidates.next();
            String lead = delivery.orderKey();
            Long earlier = firstWaiting.get(lead);
            if (held.contains(lead) || (earlier != null && earlier < delivery.seq())) {
                held.add(lead);
                candidates.remove();
                continue;
            }
            if (busy.contains(lead)) {
                continue; // its earlier delivery is in flight: this one waits for that to be final
            }
            if (!breaker.tryAcquirePermission()) {
                stopped = true;
                return;
            }
            candidates.remove();
            busy.add(lead);
            inFlight++;
            done.submit(() -> claimAndAttempt(delivery, subscription, breaker));
        }
    }

    /** On a sender thread: the claim too, so that claims of several leads wait on the store side by side. */
    private Sent claimAndAttempt(Delivery delivery, Subscription subscription, CircuitBreaker breaker) {
        try {
            Optional<Delivery> claimed = deliveries.claim(delivery, clock.instant());
            if (claimed.isEmpty()) {
                breaker.releasePermission(); // someone else took it: its lead waits for them
                return new Sent(delivery.orderKey(), null);
            }
            return new Sent(delivery.orderKey(), attempt.attempt(claimed.get(), subscription, breaker));
        } catch (RuntimeException e) {
            // left claimed (if it was): due again after the lease, like a crash mid-attempt
            log.warn("Webhook delivery {} failed before its outcome was recorded: {}", delivery.id(), e.toString());
            return new Sent(delivery.orderKey(), null);
        }
    }

    private Sent next() throws InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // claimAndAttempt catches what it can
        }
    }
}
