package com.calliyo.web.customers;

import java.time.Duration;
import java.util.Map;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;

/**
 * The Customers view is built from events: a page told of a conversion asks for its list a moment before
 * customer-service has applied it. Refreshing with {@code awaitLead} waits (briefly, with the user's own token) until
 * the customer is there, or gone after an un-conversion, so the refreshed list already shows the change.
 */
final class CustomerArrival {

    private static final Duration POLL = Duration.ofMillis(40);

    private CustomerArrival() {
    }

    static void await(GatewayApi api, String leadId, boolean customerNow, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (isCustomer(api, leadId) != customerNow && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isCustomer(GatewayApi api, String leadId) {
        try {
            api.get("/api/customers/{id}", Map.class, leadId);
            return true;
        } catch (ApiException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e; // not a question of timing: the list answers it in its own words
        }
    }
}
