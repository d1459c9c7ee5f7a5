package com.calliyo.systemtests;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * <p>It reads lists, not each lead: lead-service's leads of the campaign (customers and the others), Customers and
 * order-service's orders, each whole through {@link PagedReads#all} (read twice and equal, nothing skipped or
 * repeated at a page boundary, so a list that changes while it is read cannot hide an entry); only the customers an
 * order was sent for are read one by one, since the customer list carries no orders. The lists' filters select the
 * same documents as the single reads did ({@code customer = true} of the company; status kind CUSTOMER or not).
 *
 * @param lost       acknowledged writes lead- or order-service no longer shows (a missing lead or order, or a state
 *                   other than the last acknowledged one where no unacknowledged write could explain it)
 * @param duplicates conversions or orders a report counts beyond those that exist (an event applied twice)
 * @param stale      read-model entries that disagree with the owners the other way (not caught up yet)
 * @param startedNanos when the check started ({@link System#nanoTime()})
 */
record ReadModelCheck(int lost, int duplicates, int stale, List<String> details, long startedNanos) {

    static ReadModelCheck of(Gateway gateway, LoadDriver load, String campaign) {
        return of(gateway, load.leads(), load.orders(), load.orderLeads(), campaign);
    }

    static ReadModelCheck of(Gateway gateway, List<LoadDriver.Lead> leads, List<LoadDriver.Order> acknowledgedOrders,
                             Set<String> orderLeads, String campaign) {
        int lost = 0;
        int stale = 0;
        List<String> details = new ArrayList<>();
        // lead-service's own state of the campaign's leads; its plain list leaves customers out, so two lists
        String byCampaign = "/api/leads?campaign=" + URLEncoder.encode(campaign, StandardCharsets.UTF_8);
        Map<String, JsonNode> notCustomers = PagedReads.all(gateway, byCampaign, "id");
        Map<String, JsonNode> customersThere = PagedReads.all(gateway, byCampaign + "&status=Customer", "id");
        Set<String> customers = new HashSet<>();
        for (LoadDriver.Lead lead : leads) {
            JsonNode plain = notCustomers.get(lead.id());
            JsonNode converted = customersThere.get(lead.id());
            if (plain == null && converted == null) {
                lost++;
                details.add("lead " + lead.id() + ": not in lead-service's lists");
                continue;
            }
            if (plain != null && (converted != null || isCustomer(plain))
                    || converted != null && !isCustomer(converted)) {
                stale++;
                details.add("lead " + lead.id() + ": listed as customer " + (converted != null)
                        + " and as not " + (plain != null));
                continue;
            }
            boolean customer = converted != null;
            if (customer != lead.customer() && lead.unsure() == null) {
                lost++;
                details.add("lead " + lead.id() + " customer=" + customer + ", acknowledged " + lead.customer());
            }
            if (customer) {
                customers.add(lead.id());
            }
        }
        Map<String, JsonNode> shown = PagedReads.all(gateway, "/api/customers", "leadId");
        for (LoadDriver.Lead lead : leads) {
            boolean customer = customers.contains(lead.id());
            if (shown.containsKey(lead.id()) != customer && (customer || notCustomers.containsKey(lead.id()))) {
                stale++;
                details.add("customer " + lead.id() + " listed=" + shown.containsKey(lead.id())
                        + ", lead-service customer=" + customer);
            }
        }

        // order-service's own orders of the leads an order was sent for: id to payment status, by lead. Its
        // company-wide list leaves out orders of leads its lead directory does not know yet, which shows here as a
        // missing order until the directory has caught up, never as a hidden one
        Map<String, Map<String, String>> owned = new HashMap<>();
        Map<String, BigDecimal> amounts = new HashMap<>();
        if (!orderLeads.isEmpty()) {
            for (JsonNode order : PagedReads.all(gateway, "/api/orders", "id").values()) {
                String leadId = order.get("leadId").asString();
                if (orderLeads.contains(leadId)) {
                    owned.computeIfAbsent(leadId, id -> new TreeMap<>())
                            .put(order.get("id").asString(), order.get("paymentStatus").asString());
                    amounts.put(order.get("id").asString(), new BigDecimal(order.get("amount").asString()));
                }
            }
        }
        for (LoadDriver.Order order : acknowledgedOrders) {
            String status = owned.getOrDefault(order.leadId(), Map.of()).get(order.id());
            if (status == null || !status.equals(order.paymentStatus()) && order.unsure() == null) {
                lost++;
                details.add("order " + order.id() + ": " + status + ", acknowledged " + order.paymentStatus());
            }
        }
        long revenueOrders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        for (String leadId : orderLeads) {
            if (!customers.contains(leadId)) {
                continue;
            }
            Map<String, String> orders = owned.getOrDefault(leadId, Map.of());
            // the customer list has no orders: each customer an order was sent for is read on its own
            Gateway.Response customer = PagedReads.get(gateway, "/api/customers/" + leadId);
            Map<String, String> listed = new TreeMap<>();
            if (customer.status() == 200) {
                customer.json().get("orders").forEach(o -> listed.put(o.get("orderId").asString(),
                        o.get("paymentStatus").asString()));
            }
            if (customer.status() != 200 || !listed.equals(orders)) {
                stale++;
                details.add("customer " + leadId + " (" + customer.status() + ") orders " + listed
                        + ", order-service " + orders);
            }
            for (Map.Entry<String, String> order : orders.entrySet()) {
                if (!order.getValue().equals("FAILED") && !order.getValue().equals("REFUNDED")) {
                    BigDecimal amount = amounts.get(order.getKey());
                    revenueOrders++;
                    revenue = revenue.add(amount);
                    collected = order.getValue().equals("PAID") ? collected.add(amount) : collected;
                }
            }
        }
        long counted = conversions(gateway, campaign);
        int duplicates = (int) Math.max(0, counted - customers.size());
        if (counted != customers.size()) {
            stale += counted < customers.size() ? 1 : 0;
            details.add("report counts " + counted + " conversions, lead-service has " + customers.size()
                    + " customers");
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

    private static JsonNode revenueRow(Gateway gateway, String plan) {
        Gateway.Response report = PagedReads.get(gateway, "/api/reports/revenue?groupBy=plan");
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

    /** {@link #awaitConsistent(LeadEventsTap, Gateway, LoadDriver, String, Duration)} on the suite's broker. */
    static ReadModelCheck awaitConsistent(Suite suite, Gateway gateway, LoadDriver load, String campaign,
                                          Duration limit) throws InterruptedException {
        return awaitConsistent(suite.tap(), gateway, load, campaign, limit);
    }

    /**
     * Waits until the read-model groups have caught up and a check is consistent; answers that check, or the last
     * one when none was consistent. {@code limit} bounds when a check may <em>start</em>: a check reads each customer
     * an order was sent for on its own and waits out the gateway's per-user rate limit, so after a long run one check
     * can take longer than the limit, and it must still be allowed to finish. {@link #startedNanos()} of the answer
     * is when that check started ({@link System#nanoTime()}): the read models had caught up by then.
     */
    static ReadModelCheck awaitConsistent(LeadEventsTap tap, Gateway gateway, LoadDriver load, String campaign,
                                          Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            tap.awaitCaughtUp(Suite.CONSUMER_GROUPS);
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
            } catch (RuntimeException e) { // e.g. a service still starting (503), a list changing while read
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

    private static boolean isCustomer(JsonNode lead) {
        JsonNode status = lead.get("status");
        return status.isObject() ? "CUSTOMER".equals(status.path("kind").asString())
                : "Customer".equals(status.asString());
    }

    private static long conversions(Gateway gateway, String campaign) {
        Gateway.Response report = PagedReads.get(gateway, "/api/reports/conversions?groupBy=campaign");
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
