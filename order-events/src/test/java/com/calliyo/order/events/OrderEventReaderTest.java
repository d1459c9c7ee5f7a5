package com.calliyo.order.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderEventReaderTest {

    final OrderEventReader reader = new OrderEventReader(Contracts.CONSUMER);

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldReadEveryExampleIntoItsRecord(OrderEventType type) {
        Optional<OrderEvent> event = reader.read(record(type.type(), Contracts.example(type)));

        assertThat(event).get().isInstanceOf(type.dataClass());
        assertThat(event.get().leadId()).isNotBlank();
        assertThat(event.get().order().taxBreakdown()).isNotNull();
    }

    @Test
    void shouldSkipTypesItDoesNotKnow() {
        assertThat(reader.read(record("com.calliyo.order.archived", "{}"))).isEmpty();
    }

    @Test
    void shouldRejectARecordWithoutCloudEventsHeaders() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>(OrderEventTopics.ORDER_EVENTS, 2, 9, "lead-1",
                bytes("{}"));

        assertThatThrownBy(() -> reader.read(plain)).isInstanceOf(OrderEventDecodingException.class)
                .hasMessageContaining("crm.order.events-2@9 is not a CloudEvent");
    }

    @Test
    void shouldRejectUnreadableIncompleteOrMissingData() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.order.created", "{\"orderId\": oops")))
                .isInstanceOf(OrderEventDecodingException.class).hasMessageContaining("unreadable data");
        assertThatThrownBy(() -> reader.read(record("com.calliyo.order.created", "{\"orderVersion\": 1}")))
                .isInstanceOf(OrderEventDecodingException.class)
                .hasMessageContaining("lacks companyId, orderId, leadId or order");
        assertThatThrownBy(() -> reader.read(record("com.calliyo.order.created", null)))
                .isInstanceOf(OrderEventDecodingException.class).hasMessageContaining("has no data");
    }

    private static ConsumerRecord<String, byte[]> record(String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("event-1"));
        headers.add("ce_source", bytes(OrderEventTopics.SOURCE));
        headers.add("ce_type", bytes(type));
        if (data != null) {
            headers.add("content-type", bytes("application/json"));
        }
        return new ConsumerRecord<>(OrderEventTopics.ORDER_EVENTS, 0, 0, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, -1, -1, "lead-1", data == null ? null : bytes(data), headers,
                Optional.empty());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
