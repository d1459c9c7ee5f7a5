package com.calliyo.customer.customers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnassigned;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.LeadUpdated;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.order.events.OrderEvent;
import com.calliyo.order.events.OrderSnapshot;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The projection's decisions, free of I/O: given what the view holds for a lead and an event, the update to write,
 * or nothing. Lead events apply unless the held leadVersion is newer (equal versions apply: one change can publish
 * two events with the same version and different history entries). Only {@code converted} and {@code unconverted}
 * open a lead's part of the document; other lead events touch only a lead already seen converted, so the result
 * depends on the lead's own events alone, whatever order events arrived meanwhile. Order events apply unless the
 * held orderVersion of that order is the same or newer (events of one orderVersion carry the same snapshot).
 */
final class CustomerChanges {

    private CustomerChanges() {
    }

    /** What the view holds for one lead: whether a document exists, its versions and each order's version. */
    record Held(boolean exists, long version, long ordersVersion, Map<String, Long> orderVersions) {

        static final Held NOTHING = new Held(false, 0, 0, Map.of());

        /** True while the document holds only orders: no converted or unconverted event was applied yet. */
        boolean leadUnknown() {
            return !exists || version == 0;
        }
    }

    static Optional<Update> lead(Held held, LeadEvent event) {
        return lead(held, event, List.of());
    }

    /**
     * As {@link #lead(Held, LeadEvent)}, with the entries the lead's activity events recorded earlier
     * ({@link LeadHistories}): a conversion adds them too, under the entries it carries itself (those are at least
     * as new), so the view gets the whole history even when the event carries only its newest part.
     */
    static Optional<Update> lead(Held held, LeadEvent event, List<TimelineEntry> recordedHistory) {
        if (!canChange(event)) {
            return Optional.empty();
        }
        if (held.exists() && held.version() > event.leadVersion()) {
            return Optional.empty();
        }
        if (!opensDocument(event) && held.leadUnknown()) {
            // captured, updated, a note... of a lead never converted: it has no place in this view
            return Optional.empty();
        }
        Update update = snapshot(event);
        if (event instanceof LeadConverted converted) {
            update.set("customer", true)
                    .set("convertedAt", converted.convertedAt() != null
                            ? converted.convertedAt() : converted.lead().convertedAt())
                    .set("convertedBy", converted.convertedBy() != null
                            ? converted.convertedBy() : converted.lead().convertedBy());
            withHistory(update, recordedHistory);
            withHistory(update, converted.timeline() == null ? List.of() : converted.timeline());
        } else if (event instanceof LeadUnconverted) {
            update.set("customer", false);
        } else if (event instanceof CallLogged call) {
            withHistory(update, List.of(call.call()));
        } else if (event instanceof FollowUpScheduled scheduled) {
            withHistory(update, List.of(scheduled.followUp()));
        } else if (event instanceof FollowUpResolved resolved) {
            withHistory(update, List.of(resolved.followUp()));
        } else if (event instanceof NoteAdded note) {
            withHistory(update, List.of(note.note()));
        }
        // the snapshot-only types refresh the lead (an unassignment clears assignedTo)
        return Optional.of(update);
    }

    /** Only a conversion or an un-conversion opens a lead's part of the document. */
    static boolean opensDocument(LeadEvent event) {
        return event instanceof LeadConverted || event instanceof LeadUnconverted;
    }

    /**
     * Whether the event can change the view at all, whatever it holds: decided from the event alone, so the others
     * cost no store access. A capture never can (a lead is captured before it can be converted, and a capture opens
     * nothing), which is what keeps a bulk import's captures from costing a round trip each. An update, a status or
     * an assignment of an unconverted lead can: the lead may have been converted and un-converted before (its
     * snapshot no longer says so, but its tombstone is refreshed for a re-conversion), and an activity is always
     * kept in {@link LeadHistories}.
     */
    static boolean canChange(LeadEvent event) {
        return event instanceof LeadConverted || event instanceof LeadUnconverted
                || event instanceof LeadStatusChanged || event instanceof LeadUpdated
                || event instanceof LeadAssigned || event instanceof LeadUnassigned
                || event instanceof CallLogged || event instanceof FollowUpScheduled
                || event instanceof FollowUpResolved || event instanceof NoteAdded;
    }

    static Optional<Update> order(Held held, OrderEvent event) {
        String orderId = key("order id", event.orderId());
        Long heldVersion = held.orderVersions().get(orderId);
        if (heldVersion != null && heldVersion >= event.orderVersion()) {
            return Optional.empty();
        }
        long ordersVersion = held.ordersVersion() - (heldVersion == null ? 0 : heldVersion) + event.orderVersion();
        Update update = new Update()
                .set("orders." + orderId, summary(event))
                .set("ordersVersion", ordersVersion);
        if (!held.exists()) {
            // orders can arrive before the conversion (another topic): keep them in a document that is not a customer
            update.set("companyId", event.companyId()).set("version", 0L).set("customer", false);
        }
        return Optional.of(update);
    }

    private static Update snapshot(LeadEvent event) {
        LeadSnapshot lead = event.lead();
        return new Update()
                .set("companyId", event.companyId())
                .set("version", event.leadVersion())
                .set("firstName", lead.firstName())
                .set("lastName", lead.lastName())
                .set("phone", lead.phone())
                .set("email", lead.email())
                .set("tags", lead.tags() == null ? List.of() : lead.tags())
                .set("status", status(lead.status()))
                .set("assignedTo", lead.assignedTo())
                .set("source", lead.source())
                .set("campaign", lead.campaign())
                .set("createdAt", lead.createdAt())
                .set("convertedAt", lead.convertedAt())
                .set("convertedBy", lead.convertedBy());
    }

    private static void withHistory(Update update, List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            update.set("history." + key("timeline entry id", entry.id()), historyEntry(entry));
        }
    }

    /** An id that becomes a field name: a dot would nest it and a leading $ is an operator. */
    static String key(String what, String id) {
        if (id == null || id.isBlank() || id.contains(".") || id.startsWith("$")) {
            throw new IllegalArgumentException("Unusable " + what + ": " + id);
        }
        return id;
    }

    private static CustomerView.Status status(StatusRef status) {
        return status == null ? null
                : new CustomerView.Status(status.id(), status.name(), status.kind() == null ? null : status.kind().name());
    }

    private static CustomerView.HistoryEntry historyEntry(TimelineEntry entry) {
        return new CustomerView.HistoryEntry(entry.id(), entry.type() == null ? null : entry.type().name(),
                entry.occurredAt(), entry.actorId(), entry.text(), entry.callStatus(), entry.durationSeconds(),
                entry.scheduledAt(), entry.resolvedAt());
    }

    private static CustomerView.OrderSummary summary(OrderEvent event) {
        OrderSnapshot order = event.order();
        return new CustomerView.OrderSummary(event.orderId(), event.orderVersion(), order.plan(), order.currency(),
                order.amount(), order.taxBreakdown() == null ? null : order.taxBreakdown().total(),
                order.paymentStatus() == null ? null : order.paymentStatus().name(), order.amountPaid(),
                order.createdAt());
    }
}
