package com.calliyo.order.orders;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;

import com.calliyo.order.events.OrderEventType;
import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.gst.domain.GstCalculator;
import com.calliyo.order.gst.domain.GstRequest;
import com.calliyo.order.outbox.OutboxEvent;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every payload order-service writes into its outbox validates against the published {@code order-events} schema. */
class OrderEventsSchemaTest {

    private static final OrderEvents EVENTS = new OrderEvents(JsonMapper.builder().build());
    private static final Instant AT = Instant.parse("2026-05-09T07:08:14.123Z");

    static Stream<Arguments> events() {
        Order pending = new Order("order-1", "company-1", "lead-1", "Premium", 1_180_000L, true, PaymentStatus.PENDING,
                null, GstCalculator.compute(new GstRequest(1_180_000L, true, new BigDecimal("18"), "29", "27")),
                "27AAPFU0939F1ZV", AT, "user-1", AT, 1);
        Order noGst = new Order("order-2", "company-1", "lead-1", "Basic", 1L, false, PaymentStatus.PAID, 1L,
                GstCalculator.compute(new GstRequest(1L, false, BigDecimal.ZERO, null, null)), null, AT, "user-1", AT,
                1);
        Order partial = pending.withPayment(PaymentStatus.PARTIALLY_PAID, 50_000L, AT.plusSeconds(60));
        Order morePaid = partial.withPayment(PaymentStatus.PARTIALLY_PAID, 60_000L, AT.plusSeconds(120));
        return Stream.of(
                arguments(OrderEventType.ORDER_CREATED, EVENTS.created(pending, "user-1")),
                arguments(OrderEventType.ORDER_CREATED, EVENTS.created(noGst, "user-1")),
                arguments(OrderEventType.ORDER_PAYMENT_STATUS_CHANGED,
                        EVENTS.paymentStatusChanged(partial, PaymentStatus.PENDING, "user-2")),
                arguments(OrderEventType.ORDER_UPDATED, EVENTS.updated(morePaid, "user-2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldWritePayloadsThatTheContractAccepts(OrderEventType type, OutboxEvent event) throws IOException {
        String file = "contracts/order-events/" + type.dataClass().getSimpleName() + ".v1.schema.json";
        try (InputStream schemaText = getClass().getClassLoader().getResourceAsStream(file)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);

            assertThat(schema.validate(event.payload(), InputFormat.JSON)).isEmpty();
        }
        assertThat(event.type()).isEqualTo(type.type());
        assertThat(event.key()).isEqualTo("lead-1");
    }
}
