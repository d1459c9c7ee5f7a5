package com.calliyo.customer.customers;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.calliyo.customer.LeadEventsMother;
import com.calliyo.customer.OrderEventsMother;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.order.events.PaymentStatus;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import static com.calliyo.customer.LeadEventsMother.aLead;
import static com.calliyo.customer.LeadEventsMother.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerChangesTest {

    private final LeadEventsMother lead = aLead();
    private final TimelineEntry aNote = note("renewal in March", Instant.parse("2026-03-09T10:00:00Z"));

    @Test
    void shouldOpenTheDocumentOnConversionWithTheWholeTimeline() {
        Document set = set(CustomerChanges.lead(CustomerChanges.Held.NOTHING, lead.converted(3, aNote)));

        assertThat(set).containsEntry("customer", true).containsEntry("version", 3L)
                .containsEntry("convertedBy", LeadEventsMother.AGENT)
                .containsEntry("convertedAt", Instant.parse("2026-03-05T12:00:00Z"))
                .containsKey("history." + aNote.id());
    }

    @Test
    void shouldIgnoreEventsOfALeadNeverConverted() {
        assertThat(CustomerChanges.lead(CustomerChanges.Held.NOTHING, lead.noteAdded(2, aNote))).isEmpty();
        assertThat(CustomerChanges.lead(ordersOnly(), lead.noteAdded(2, aNote)))
                .as("a document that holds only orders").isEmpty();
    }

    @Test
    void shouldKnowFromTheEventAloneThatACaptureChangesNothingWhateverIsHeld() {
        LeadCaptured captured = new LeadCaptured(lead.companyId(), lead.leadId(), 6, Instant.now(), "agent-1",
                lead.snapshot(LeadEventsMother.INTERESTED, null));

        assertThat(CustomerChanges.canChange(captured)).isFalse();
        assertThat(CustomerChanges.lead(held(5, 0), captured)).as("even for a customer").isEmpty();
        assertThat(CustomerChanges.canChange(lead.statusChanged(6, LeadEventsMother.INTERESTED,
                LeadEventsMother.INTERESTED))).as("a tombstone may need it").isTrue();
        assertThat(CustomerChanges.canChange(lead.noteAdded(6, aNote))).as("kept in the histories").isTrue();
    }

    @Test
    void shouldSkipAnOlderVersionAndApplyTheSameVersionAgain() {
        CustomerChanges.Held atFive = held(5, 0);

        assertThat(CustomerChanges.lead(atFive, lead.noteAdded(4, aNote))).isEmpty();
        assertThat(CustomerChanges.lead(atFive, lead.converted(4))).isEmpty();
        assertThat(set(CustomerChanges.lead(atFive, lead.noteAdded(5, aNote))))
                .as("a second event of the same change").containsKey("history." + aNote.id());
        assertThat(set(CustomerChanges.lead(atFive, lead.noteAdded(6, aNote)))).containsEntry("version", 6L);
    }

    @Test
    void shouldForgetTheAgentOfAnUnconvertedLeadTakenBackFromThem() {
        Document set = set(CustomerChanges.lead(held(5, 0), lead.unassigned(6, LeadEventsMother.INTERESTED)));

        assertThat(set).containsEntry("version", 6L).containsEntry("assignedTo", null);
        assertThat(CustomerChanges.lead(CustomerChanges.Held.NOTHING, lead.unassigned(6, LeadEventsMother.INTERESTED)))
                .as("a lead never converted").isEmpty();
    }

    @Test
    void shouldLeaveATombstoneOnUnconversion() {
        Document set = set(CustomerChanges.lead(held(3, 0), lead.unconverted(4)));

        assertThat(set).containsEntry("customer", false).containsEntry("version", 4L)
                .containsEntry("convertedAt", null).containsEntry("convertedBy", null);
        assertThat(set.keySet()).noneMatch(key -> key.startsWith("history"));
        assertThat(set(CustomerChanges.lead(CustomerChanges.Held.NOTHING, lead.unconverted(5))))
                .as("even before the conversion arrived").containsEntry("customer", false);
    }

    @Test
    void shouldConvertADocumentThatHeldOnlyOrders() {
        Document set = set(CustomerChanges.lead(ordersOnly(), lead.converted(3)));

        assertThat(set).containsEntry("customer", true).containsEntry("version", 3L);
        assertThat(set.keySet()).noneMatch(key -> key.startsWith("orders"));
    }

    @Test
    void shouldRejectAnEntryIdThatWouldNestAField() {
        TimelineEntry dotted = new TimelineEntry("a.b", aNote.type(), aNote.occurredAt(), aNote.actorId(), "x",
                null, null, null, null);

        assertThatThrownBy(() -> CustomerChanges.lead(held(3, 0), lead.noteAdded(4, dotted)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.b");
    }

    @Test
    void shouldKeepAnOrderThatArrivesBeforeTheConversion() {
        OrderEventsMother order = OrderEventsMother.anOrderOf(lead);

        Document set = set(CustomerChanges.order(CustomerChanges.Held.NOTHING, order.created()));

        assertThat(set).containsEntry("customer", false).containsEntry("version", 0L)
                .containsEntry("ordersVersion", 1L).containsEntry("companyId", LeadEventsMother.COMPANY);
        CustomerView.OrderSummary summary = (CustomerView.OrderSummary) set.get("orders." + order.orderId());
        assertThat(summary.paymentStatus()).isEqualTo("PENDING");
        assertThat(summary.total()).isEqualTo("11800.00");
        assertThat(summary.amount()).isEqualTo("11800.00");
        assertThat(summary.plan()).isEqualTo("Premium");
    }

    @Test
    void shouldApplyOnlyANewerVersionOfAnOrderAndCountItInOrdersVersion() {
        OrderEventsMother order = OrderEventsMother.anOrderOf(lead);
        OrderEventsMother other = OrderEventsMother.anOrderOf(lead);
        CustomerChanges.Held held = new CustomerChanges.Held(true, 3, 3,
                Map.of(order.orderId(), 2L, other.orderId(), 1L));

        assertThat(CustomerChanges.order(held, order.paid(2, PaymentStatus.PENDING, PaymentStatus.PAID, "11800.00")))
                .as("same version: the same snapshot").isEmpty();
        assertThat(CustomerChanges.order(held, order.created())).as("older").isEmpty();
        Document set = set(CustomerChanges.order(held,
                order.paid(3, PaymentStatus.PARTIALLY_PAID, PaymentStatus.PAID, "11800.00")));
        assertThat(set).containsEntry("ordersVersion", 4L).doesNotContainKey("customer").doesNotContainKey("version");
        assertThat(((CustomerView.OrderSummary) set.get("orders." + order.orderId())).paymentStatus())
                .isEqualTo("PAID");
    }

    private static CustomerChanges.Held held(long version, long ordersVersion) {
        return new CustomerChanges.Held(true, version, ordersVersion, Map.of());
    }

    private static CustomerChanges.Held ordersOnly() {
        return new CustomerChanges.Held(true, 0, 1, Map.of("order-1", 1L));
    }

    private static Document set(Optional<Update> update) {
        assertThat(update).as("an update").isPresent();
        return update.get().getUpdateObject().get("$set", Document.class);
    }
}
