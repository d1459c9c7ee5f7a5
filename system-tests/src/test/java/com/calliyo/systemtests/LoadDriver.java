package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A steady mix of writes through the gateway at a fixed rate (captures, conversions, un-conversions), every
 * acknowledged one recorded: for each lead, whether its last acknowledged write left it a customer. A write that was
 * not acknowledged may or may not have been applied (a timeout, a connection cut by a killed service), so its lead
 * is written no more and either outcome is accepted for it. Every refusal is counted by status; a refusal that is a
 * 5xx other than 503/504, not problem+json, or without {@code Retry-After} is a {@link #violations() violation}.
 */
final class LoadDriver implements AutoCloseable {

    /** What the suite must hold for one lead. */
    record Lead(String id, boolean customer, Boolean unsure) {
    }

    private final Gateway gateway;
    private final String campaign;
    private final Random random;
    private final Map<String, Lead> leads = new ConcurrentHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<Integer, Integer> refused = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "load-driver");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> running;
    private int acknowledged;

    LoadDriver(Gateway gateway, String campaign, long seed) {
        this.gateway = gateway;
        this.campaign = campaign;
        this.random = new Random(seed);
    }

    /** Sends one write every {@code periodMillis} until {@link #pause()}. */
    synchronized void start(long periodMillis) {
        if (running == null) {
            running = timer.scheduleAtFixedRate(this::step, 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops sending and returns once the write in flight, if any, has its answer. */
    void pause() throws Exception {
        ScheduledFuture<?> current;
        synchronized (this) {
            current = running;
            running = null;
        }
        if (current != null) {
            current.cancel(false);
            timer.submit(() -> { }).get(); // one thread: this runs after the write in flight
        }
    }

    private void step() {
        int choice = random.nextInt(10);
        List<String> writable = ids.stream().filter(id -> leads.get(id).unsure() == null).toList();
        if (choice < 3 || writable.isEmpty()) {
            capture();
            return;
        }
        Lead lead = leads.get(writable.get(random.nextInt(writable.size())));
        boolean toCustomer = !lead.customer();
        Gateway.Response answer = send(() -> gateway.patch("/api/leads/" + lead.id(),
                toCustomer ? "{\"status\":\"Customer\"}" : "{\"status\":\"Not Interested\"}"));
        if (answer != null && answer.status() == 200) {
            leads.put(lead.id(), new Lead(lead.id(), toCustomer, null));
            acknowledged++;
        } else {
            leads.put(lead.id(), new Lead(lead.id(), lead.customer(), toCustomer)); // may have been applied
        }
    }

    private void capture() {
        Gateway.Response answer = send(() -> gateway.post("/api/leads", """
                {"firstName":"Load","lastName":"Driver","phone":"%s","source":"faults","campaign":"%s"}
                """.formatted(Scenario.uniqueIndianMobile(), campaign)));
        if (answer != null && answer.status() == 201) {
            String id = answer.json().get("id").asString();
            leads.put(id, new Lead(id, false, null));
            ids.add(id);
            acknowledged++;
        }
    }

    /** The answer, or null when the connection failed (counted as a refusal with status 0). */
    private Gateway.Response send(Supplier<Gateway.Response> request) {
        Gateway.Response answer;
        try {
            answer = request.get();
        } catch (IllegalStateException e) {
            count(0, "no answer: " + e.getMessage());
            return null;
        }
        if (answer.status() >= 300) {
            boolean refusal = answer.status() == 503 || answer.status() == 504;
            count(answer.status(), !refusal ? "status " + answer.status() + ": " + answer.body()
                    : !answer.isProblem() ? answer.status() + " not problem+json: " + answer.contentType()
                    : answer.retryAfter() == null ? answer.status() + " without Retry-After: " + answer.body()
                    : null);
        }
        return answer;
    }

    private synchronized void count(int status, String violation) {
        refused.merge(status, 1, Integer::sum);
        if (violation != null) {
            violations.add(violation);
        }
    }

    /** Every lead whose capture was acknowledged, with what its acknowledged writes left it as. */
    List<Lead> leads() {
        return ids.stream().map(leads::get).toList();
    }

    synchronized int acknowledged() {
        return acknowledged;
    }

    /** Refusals so far by status (0: no answer at all); {@link #resetRefusals()} starts a new count. */
    synchronized Map<Integer, Integer> refusals() {
        return new TreeMap<>(refused);
    }

    synchronized void resetRefusals() {
        refused.clear();
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
