package com.calliyo.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.subscription.Subscriptions;
import com.calliyo.webhook.subscription.domain.Subscription;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works the queue. A loop looks for subscriptions with due deliveries (when woken by a new one, else every
 * {@code poll-interval}) and hands each to a worker that drains it: one worker per subscription at a time, so every
 * endpoint has its own queue and a slow or dead one holds only its own worker, never another's. A drain sends up to
 * {@code per-endpoint} deliveries at once, each of a different lead ({@link LeadWindow}); a delivery goes only when
 * no earlier one of the same lead is in flight or still waiting (in order per lead), and the endpoint's circuit
 * breaker (Resilience4j, one per subscription) stops a drain while the endpoint keeps failing.
 * State lives in the store only, so a restart resumes where it stopped: a delivery claimed by a crashed attempt is
 * due again when its lease ends (at least once; receivers de-duplicate by {@code webhook-id}).
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;
    private static final Duration SWEEP = Duration.ofSeconds(5);

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final DeliveryAttempt attempt;
    private final DisabledEvents disabledEvents;
    private final CircuitBreakerRegistry breakers;
    private final WebhookServiceProperties.Delivery settings;
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Set<String> hinted = ConcurrentHashMap.newKeySet();
    private final Clock clock = Clock.systemUTC();
    private volatile ExecutorService workers;
    private volatile ExecutorService senders;
    private volatile Thread loop;

    Dispatcher(Deliveries deliveries, Subscriptions subscriptions, DeliveryAttempt attempt,
               DisabledEvents disabledEvents, CircuitBreakerRegistry breakers, WebhookServiceProperties properties) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.attempt = attempt;
        this.disabledEvents = disabledEvents;
        this.breakers = breakers;
        this.settings = properties.delivery();
    }

    /** {@code subscriptionId} has a new delivery: drain it now, without a search for due deliveries. */
    void wake(String subscriptionId) {
        hinted.add(subscriptionId);
        wakeUp.release();
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        // the attempts themselves: up to per-endpoint for each drain (LeadWindow), threads made when needed
        int sendersMax = settings.workers() * settings.perEndpoint();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(sendersMax, sendersMax, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "webhook-sender");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        senders = pool;
        Thread thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = loop;
        loop = null;
        if (thread != null) {
            thread.interrupt();
        }
        shutDown(workers);
        shutDown(senders);
    }

    private void shutDown(ExecutorService pool) {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    private void run() {
        long nextSweep = 0;
        long nextPoll = 0;
        while (loop == Thread.currentThread()) {
            try {
                boolean sweep = System.nanoTime() - nextSweep >= 0;
                if (sweep) {
                    nextSweep = System.nanoTime() + SWEEP.toNanos();
                }
                disabledEvents.publishOwed(sweep);
                Set<String> ready = new HashSet<>(hinted);
                hinted.removeAll(ready);
                // the search for retries that fell due runs once per poll interval, not on every wake-up
                if (System.nanoTime() - nextPoll >= 0) {
                    nextPoll = System.nanoTime() + settings.pollInterval().toNanos();
                    ready.addAll(deliveries.subscriptionsDue(clock.instant()));
                }
                for (String subscriptionId : ready) {
                    if (draining.add(subscriptionId)) {
                        workers.execute(() -> drainQuietly(subscriptionId));
                    } else {
                        hinted.add(subscriptionId); // being drained: look again once that drain is over
                    }
                }
                wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Webhook dispatch loop failed, trying again at the next poll: {}", e.toString());
            }
        }
    }

    private void drainQuietly(String subscriptionId) {
        try {
            drain(subscriptionId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Draining webhook subscription {} failed, retried at the next poll: {}", subscriptionId,
                    e.toString());
        } finally {
            draining.remove(subscriptionId);
            wakeUp.release();
        }
    }

    private void drain(String subscriptionId) throws InterruptedException {
        CircuitBreaker breaker = breakers.circuitBreaker(subscriptionId);
        boolean progressed = true;
        while (progressed && !Thread.currentThread().isInterrupted()) {
            Optional<Subscription> subscription = subscriptions.find(subscriptionId);
            if (subscription.isEmpty()) {
                deliveries.deleteFor(subscriptionId);
                return;
            }
            if (!subscription.get().enabled()) {
                return;
            }
            Instant now = clock.instant();
            List<Delivery> due = deliveries.dueFor(subscriptionId, now, BATCH);
            // in order per lead: a lead with an earlier delivery waiting for its retry sends nothing newer
            Map<String, Long> firstWaiting = deliveries.waitingLeads(subscriptionId, now);
            progressed = new LeadWindow(deliveries, attempt, senders, settings.perEndpoint(), clock)
                    .send(due, firstWaiting, subscription.get(), breaker);
        }
    }
}
