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

    /**
     * What order-service must hold for one order created through the gateway: its acknowledged payment status, or
     * {@code unsure} (the status of a change that got no clean answer, which may or may not have been applied).
     */
    record Order(String id, String leadId, long amount, String paymentStatus, String unsure) {
    }

    private final Gateway gateway;
    private final String campaign;
    private final Random random;
    private final Map<String, Lead> leads = new ConcurrentHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<Integer, Integer> refused = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final List<String> orderIds = new ArrayList<>();
    private final java.util.Set<String> orderLeads = ConcurrentHashMap.newKeySet();
    private boolean withOrders;
    private int leadLimit = Integer.MAX_VALUE;
    private int attempts;
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

    /**
     * From now on two writes in ten are orders: a new order (no GST, the driver's campaign as its plan) for a lead
     * that is a customer, or a PENDING order's payment set to PAID or FAILED. The company's Order module must be on.
     */
    synchronized LoadDriver withOrders() {
        withOrders = true;
        return this;
    }

    /** Captures no more than {@code limit} leads; once there, every write is a change to one of them. */
    synchronized LoadDriver withLeadLimit(int limit) {
        leadLimit = limit;
        return this;
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
        synchronized (this) {
            attempts++;
        }
        int choice = random.nextInt(10);
        List<String> writable = ids.stream().filter(id -> leads.get(id).unsure() == null).toList();
        if (ids.size() < leadLimit && (choice < 3 || writable.isEmpty())) {
            capture();
            return;
        }
        if (withOrders && choice >= 8) {
            order(writable);
            return;
        }
        convert(writable);
    }

    /** Converts a random lead, or un-converts it when it is a customer (nothing when every lead is unsure). */
    private void convert(List<String> writable) {
        if (writable.isEmpty()) {
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

    private void order(List<String> writable) {
        List<String> pending = orderIds.stream().map(orders::get)
                .filter(o -> o.unsure() == null && o.paymentStatus().equals("PENDING")).map(Order::id).toList();
        if (!pending.isEmpty() && random.nextBoolean()) {
            Order order = orders.get(pending.get(random.nextInt(pending.size())));
            String status = random.nextInt(3) == 0 ? "FAILED" : "PAID";
            Gateway.Response answer = send(() -> gateway.patch("/api/orders/" + order.id(),
                    "{\"paymentStatus\":\"" + status + "\"}"));
            if (answer != null && answer.status() == 200) {
                orders.put(order.id(), new Order(order.id(), order.leadId(), order.amount(), status, null));
                acknowledged++;
            } else {
                orders.put(order.id(), new Order(order.id(), order.leadId(), order.amount(), order.paymentStatus(),
                        status));
            }
            return;
        }
        List<String> customers = writable.stream().filter(id -> leads.get(id).customer()).toList();
        if (customers.isEmpty()) {
            convert(writable);
            return;
        }
        String leadId = customers.get(random.nextInt(customers.size()));
        orderLeads.add(leadId); // from now on order-service's orders of this lead are checked, answered or not
        long amount = 100 + random.nextInt(4900);
        Gateway.Response answer = send(() -> gateway.post("/api/orders", """
                {"leadId":"%s","plan":"%s","amount":"%d.00","paymentStatus":"PENDING","gst":{"rate":0}}"""
                .formatted(leadId, campaign, amount)), 404, 409);
        if (answer != null && answer.status() == 201) {
            String id = answer.json().get("id").asString();
            orders.put(id, new Order(id, leadId, amount, "PENDING", null));
            orderIds.add(id);
            acknowledged++;
        }
        // 404/409: order-service has not learnt of the conversion yet. Unanswered: the order may exist; the check
        // takes order-service's own list of the lead's orders as the truth, so it is counted either way
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

    /**
     * The answer, or null when the connection failed (counted as a refusal with status 0); {@code expected} statuses
     * are answers, not refusals.
     */
    private Gateway.Response send(Supplier<Gateway.Response> request, int... expected) {
        Gateway.Response answer;
        try {
            answer = request.get();
        } catch (IllegalStateException e) {
            count(0, "no answer: " + e.getMessage());
            return null;
        }
        if (answer.status() >= 300 && java.util.Arrays.stream(expected).noneMatch(e -> e == answer.status())) {
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

    /** Every order whose creation was acknowledged, with its acknowledged payment status. */
    List<Order> orders() {
        return orderIds.stream().map(orders::get).toList();
    }

    /** The leads an order was ever sent for (answered or not). */
    java.util.Set<String> orderLeads() {
        return java.util.Set.copyOf(orderLeads);
    }

    /** Writes sent so far (changes attempted, acknowledged or not). */
    synchronized int attempts() {
        return attempts;
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
