package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The load driver's leads checked against the suite, through the gateway: lead-service's own store is the truth
 * (every acknowledged capture is there, every acknowledged conversion or un-conversion is its current state), and
 * the read models are recomputed from it: Customers holds exactly the leads that are customers there, and the
 * campaign's conversions report counts exactly as many.
 *
 * @param lost       acknowledged writes lead-service no longer shows (a missing lead, or a state other than the
 *                   last acknowledged one where no unacknowledged write could explain it)
 * @param duplicates conversions the report counts beyond the customers that exist (an event applied twice)
 * @param stale      read-model entries that disagree with lead-service the other way (not caught up yet)
 */
record ReadModelCheck(int lost, int duplicates, int stale, List<String> details) {

    static ReadModelCheck of(Gateway gateway, List<LoadDriver.Lead> leads, String campaign) {
        int lost = 0;
        int stale = 0;
        int customers = 0;
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
            int shown = get(gateway, "/api/customers/" + lead.id()).status();
            if ((shown == 200) != customer) {
                stale++;
                details.add("customer " + lead.id() + ": " + shown + ", lead-service customer=" + customer);
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
        return new ReadModelCheck(lost, duplicates, stale, details);
    }

    /**
     * Waits until the read-model groups have caught up and the check is consistent; answers that check, or the last
     * one when the read models did not catch up within {@code limit}.
     */
    static ReadModelCheck awaitConsistent(Suite suite, Gateway gateway, List<LoadDriver.Lead> leads, String campaign,
                                          Duration limit) {
        AtomicReference<ReadModelCheck> last = new AtomicReference<>();
        try {
            suite.tap().awaitCaughtUp(Suite.CONSUMER_GROUPS);
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                last.set(of(gateway, leads, campaign));
                return last.get().consistent();
            });
        } catch (ConditionTimeoutException e) {
            if (last.get() == null) { // not one check could be completed: say so, the caller fails on it
                return new ReadModelCheck(0, 0, 1, List.of("no complete check in " + limit + ": " + e));
            }
        }
        return last.get();
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
