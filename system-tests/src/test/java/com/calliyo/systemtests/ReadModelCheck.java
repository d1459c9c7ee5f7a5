package com.calliyo.systemtests;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The load driver's leads and orders checked against the suite, through the gateway: lead-service's own store is the
 * truth for leads (every acknowledged capture is there, every acknowledged conversion or un-conversion is its current
 * state) and order-service's own store for orders (every acknowledged order is there with its acknowledged payment
 * status); the read models are recomputed from them: Customers holds exactly the leads that are customers there, each
 * with exactly order-service's orders of that lead and their payment status, the campaign's conversions report counts
 * exactly as many customers, and the revenue report's row for the driver's plan (its campaign) counts exactly the
 * orders of current customers that are neither FAILED nor REFUNDED, with their amounts (no GST) as revenue and the
 * PAID ones' as collected.
 *
 * @param lost       acknowledged writes lead- or order-service no longer shows (a missing lead or order, or a state
 *                   other than the last acknowledged one where no unacknowledged write could explain it)
 * @param duplicates conversions or orders a report counts beyond those that exist (an event applied twice)
 * @param stale      read-model entries that disagree with the owners the other way (not caught up yet)
 * @param startedNanos when the check started ({@link System#nanoTime()})
 */
record ReadModelCheck(int lost, int duplicates, int stale, List<String> details, long startedNanos) {

    static ReadModelCheck of(Gateway gateway, List<LoadDriver.Lead> leads, String campaign) {
        return of(gateway, leads, List.of(), Set.of(), campaign);
    }

    static ReadModelCheck of(Gateway gateway, LoadDriver load, String campaign) {
        return of(gateway, load.leads(), load.orders(), load.orderLeads(), campaign);
    }

    static ReadModelCheck of(Gateway gateway, List<LoadDriver.Lead> leads, List<LoadDriver.Order> acknowledgedOrders,
                             Set<String> orderLeads, String campaign) {
        int lost = 0;
        int stale = 0;
        int customers = 0;
        long revenueOrders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        Map<String, LoadDriver.Order> acknowledged = new HashMap<>();
        acknowledgedOrders.forEach(order -> acknowledged.put(order.id(), order));
        List<String> details = new ArrayList<>();
        for (LoadDriver.Lead lead : leads) {
            Gateway.Response stored = get(gateway, "/api/leads/" + lead.id());
            if (stored.status() != 200) {
                lost++;
                details.add("lead " + lead.id() + ": " + stored.status());
                continue;
            }
            boolean customer = isCustomer(stored.json());
            if (customer != lead.customer() && lead.unsure() == null) {
                lost++;
                details.add("lead " + lead.id() + " customer=" + customer + ", acknowledged " + lead.customer());
            }
            customers += customer ? 1 : 0;
            Gateway.Response shown = get(gateway, "/api/customers/" + lead.id());
            if ((shown.status() == 200) != customer) {
                stale++;
                details.add("customer " + lead.id() + ": " + shown.status() + ", lead-service customer=" + customer);
            }
            if (!orderLeads.contains(lead.id())) {
                continue;
            }
            Map<String, String> owned = ordersOf(gateway, lead.id(), details);
            for (LoadDriver.Order order : acknowledged.values()) {
                String status = order.leadId().equals(lead.id()) ? owned.get(order.id()) : null;
                if (order.leadId().equals(lead.id()) && (status == null
                        || !status.equals(order.paymentStatus()) && order.unsure() == null)) {
                    lost++;
                    details.add("order " + order.id() + ": " + status + ", acknowledged " + order.paymentStatus());
                }
            }
            if (customer && shown.status() == 200) {
                Map<String, String> listed = new TreeMap<>();
                shown.json().get("orders").forEach(o -> listed.put(o.get("orderId").asString(),
                        o.get("paymentStatus").asString()));
                if (!listed.equals(new TreeMap<>(owned))) {
                    stale++;
                    details.add("customer " + lead.id() + " orders " + listed + ", order-service " + owned);
                }
            }
            if (customer) {
                for (Map.Entry<String, String> order : owned.entrySet()) {
                    if (!order.getValue().equals("FAILED") && !order.getValue().equals("REFUNDED")) {
                        BigDecimal amount = amounts.get(order.getKey());
                        revenueOrders++;
                        revenue = revenue.add(amount);
                        collected = order.getValue().equals("PAID") ? collected.add(amount) : collected;
                    }
                }
            }
        }
        long counted = conversions(gateway, campaign);
        int duplicates = (int) Math.max(0, counted - customers);
        if (counted < customers) {
            stale++;
            details.add("report counts " + counted + " conversions, lead-service has " + customers + " customers");
        } else if (duplicates > 0) {
            details.add("report counts " + counted + " conversions, lead-service has " + customers + " customers");
        }
        if (!orderLeads.isEmpty()) {
            JsonNode row = revenueRow(gateway, campaign);
            long rowOrders = row == null ? 0 : row.get("orders").asLong();
            BigDecimal rowRevenue = row == null ? BigDecimal.ZERO : new BigDecimal(row.get("revenue").asString());
            BigDecimal rowCollected = row == null ? BigDecimal.ZERO : new BigDecimal(row.get("collected").asString());
            String figures = "revenue report " + rowOrders + " orders, " + rowRevenue + " revenue, " + rowCollected
                    + " collected; order-service " + revenueOrders + ", " + revenue + ", " + collected;
            if (rowOrders > revenueOrders || rowRevenue.compareTo(revenue) > 0) {
                duplicates++;
                details.add(figures);
            } else if (rowOrders < revenueOrders || rowRevenue.compareTo(revenue) != 0
                    || rowCollected.compareTo(collected) != 0) {
                stale++;
                details.add(figures);
            }
        }
        return new ReadModelCheck(lost, duplicates, stale, details, System.nanoTime());
    }

    /** Amounts of the orders read by {@link #ordersOf}, by id (a plain map: a check runs on one thread). */
    private static final Map<String, BigDecimal> amounts = new java.util.concurrent.ConcurrentHashMap<>();

    /** order-service's own orders of one lead: id to payment status. */
    private static Map<String, String> ordersOf(Gateway gateway, String leadId, List<String> details) {
        Gateway.Response list = get(gateway, "/api/orders?leadId=" + leadId + "&size=100");
        Map<String, String> owned = new TreeMap<>();
        if (list.status() != 200) {
            details.add("orders of " + leadId + ": " + list.status());
            throw new IllegalStateException("orders of " + leadId + ": " + list.status() + " " + list.body());
        }
        for (JsonNode order : list.json().get("items")) {
            owned.put(order.get("id").asString(), order.get("paymentStatus").asString());
            amounts.put(order.get("id").asString(), new BigDecimal(order.get("amount").asString()));
        }
        return owned;
    }

    private static JsonNode revenueRow(Gateway gateway, String plan) {
        Gateway.Response report = get(gateway, "/api/reports/revenue?groupBy=plan");
        if (report.status() != 200) {
            throw new IllegalStateException("revenue report: " + report.status() + " " + report.body());
        }
        for (JsonNode row : report.json().get("rows")) {
            if (plan.equals(row.get("key").asString())) {
                return row;
            }
        }
        return null;
    }

    /**
     * Waits until the read-model groups have caught up and a check is consistent; answers that check, or the last
     * one when none was consistent. {@code limit} bounds when a check may <em>start</em>: one check reads every lead
     * (twice) and waits out the gateway's per-user rate limit, so after a long run one check alone can take longer
     * than the limit, and it must still be allowed to finish. {@link #startedNanos()} of the answer is when that check
     * started ({@link System#nanoTime()}): the read models had caught up by then.
     */
    static ReadModelCheck awaitConsistent(Suite suite, Gateway gateway, LoadDriver load, String campaign,
                                          Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            suite.tap().awaitCaughtUp(Suite.CONSUMER_GROUPS);
        } catch (ConditionTimeoutException e) {
            // the checks below say how far behind the read models are
        }
        ReadModelCheck last = null;
        String failure = null;
        while (System.nanoTime() < deadline) {
            long started = System.nanoTime();
            try {
                last = of(gateway, load, campaign).startedAt(started);
                if (last.consistent()) {
                    return last;
                }
            } catch (RuntimeException e) { // e.g. a service still starting: 503 on a report
                failure = e.toString();
            }
            Thread.sleep(500);
        }
        return last != null ? last
                : new ReadModelCheck(0, 0, 1, List.of("no complete check in " + limit + ": " + failure), System.nanoTime());
    }

    private ReadModelCheck startedAt(long nanos) {
        return new ReadModelCheck(lost, duplicates, stale, details, nanos);
    }

    boolean consistent() {
        return lost == 0 && duplicates == 0 && stale == 0;
    }

    /**
     * A read that waits out the gateway's rate limit as a well-behaved client does ({@code Retry-After}): a check
     * reads every lead twice, which after a long run is more than one user's budget per minute.
     */
    private static Gateway.Response get(Gateway gateway, String path) {
        Gateway.Response answer = gateway.get(path);
        for (int attempt = 0; answer.status() == 429 && attempt < 10; attempt++) {
            try {
                long seconds = answer.retryAfter() == null ? 1 : Long.parseLong(answer.retryAfter());
                Thread.sleep(1000L * Math.max(1, seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = gateway.get(path);
        }
        return answer;
    }

    private static boolean isCustomer(JsonNode lead) {
        JsonNode status = lead.get("status");
        return status.isObject() ? "CUSTOMER".equals(status.path("kind").asString())
                : "Customer".equals(status.asString());
    }

    private static long conversions(Gateway gateway, String campaign) {
        Gateway.Response report = get(gateway, "/api/reports/conversions?groupBy=campaign");
        if (report.status() != 200) {
            throw new IllegalStateException("conversions report: " + report.status() + " " + report.body());
        }
        for (JsonNode row : report.json().get("rows")) {
            if (campaign.equals(row.get("key").asString())) {
                return row.get("conversions").asLong();
            }
        }
        return 0;
    }
}
