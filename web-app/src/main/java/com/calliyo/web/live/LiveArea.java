package com.calliyo.web.live;

import java.time.Duration;

/**
 * What a page shows that another user's change can make stale. Each area is one server-sent event name; a page marks
 * its refreshable parts with {@code data-live="<area>"} and refetches them when the area's event arrives.
 */
public enum LiveArea {

    /** Leads and Tasks: lead-service's own lists, current as soon as the event is out. */
    LEADS("leads", Duration.ZERO),
    /** Customers: a conversion names the lead, and the page waits for customer-service to show it. */
    CUSTOMERS("customers", Duration.ZERO),
    /**
     * The dashboard's figures: reporting-service applies the same event a moment after it is published, so the
     * signal waits that moment (it keeps only the latest, so a burst of events is one refresh).
     */
    REPORTS("reports", Duration.ofMillis(500));

    private final String eventName;
    private final Duration settle;

    LiveArea(String eventName, Duration settle) {
        this.eventName = eventName;
        this.settle = settle;
    }

    public String eventName() {
        return eventName;
    }

    /** How long after the change the area's signal is sent, so that the read model behind it has applied it. */
    Duration settle() {
        return settle;
    }
}
