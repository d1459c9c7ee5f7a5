package com.calliyo.order.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Consumer;

import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The schemas are not rubber stamps: payloads that break the contract fail, and the error names the field. */
class OrderEventSchemaRejectionTest {

    @Test
    void shouldRejectAnEventWithoutLeadId() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_CREATED, p -> p.remove("leadId"));

        assertThat(errors).extracting(ValidationMessage::getType).contains("required");
        assertThat(errors).extracting(ValidationMessage::getProperty).contains("leadId");
    }

    @Test
    void shouldRejectAPaymentStatusOutsideTheEnum() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_PAYMENT_STATUS_CHANGED,
                p -> p.put("to", "Paid"));

        assertThat(errors).extracting(OrderEventSchemaRejectionTest::at).contains("/to");
        assertThat(errors).extracting(ValidationMessage::getType).contains("enum");
    }

    @Test
    void shouldRejectMoneySentAsANumber() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_CREATED,
                p -> order(p).put("amount", 11800.0));

        assertThat(errors).extracting(OrderEventSchemaRejectionTest::at).contains("/order/amount");
    }

    @Test
    void shouldRejectMoneyWithoutTwoDecimals() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_CREATED,
                p -> order(p).withObjectProperty("taxBreakdown").put("cgst", "900"));

        assertThat(errors).extracting(OrderEventSchemaRejectionTest::at).contains("/order/taxBreakdown/cgst");
    }

    @Test
    void shouldRejectACurrencyOtherThanInr() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_UPDATED,
                p -> order(p).put("currency", "USD"));

        assertThat(errors).extracting(OrderEventSchemaRejectionTest::at).contains("/order/currency");
    }

    @Test
    void shouldRejectAnOrderWithoutTaxBreakdown() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_UPDATED,
                p -> order(p).remove("taxBreakdown"));

        assertThat(errors).extracting(ValidationMessage::getProperty).contains("taxBreakdown");
    }

    @Test
    void shouldRejectAPlaceOfSupplyThatIsNotAStateCode() {
        Set<ValidationMessage> errors = validateBroken(OrderEventType.ORDER_CREATED,
                p -> order(p).withObjectProperty("taxBreakdown").put("placeOfSupply", "Karnataka"));

        assertThat(errors).extracting(OrderEventSchemaRejectionTest::at).contains("/order/taxBreakdown/placeOfSupply");
    }

    private static Set<ValidationMessage> validateBroken(OrderEventType type, Consumer<ObjectNode> breakIt) {
        ObjectNode payload = (ObjectNode) Contracts.CONSUMER.readTree(Contracts.example(type));
        assertThat(Contracts.validate(type, payload.toString())).as("the untouched example is valid").isEmpty();
        breakIt.accept(payload);
        return Contracts.validate(type, payload.toString());
    }

    /** The JSON Pointer of the offending value, e.g. {@code /order/amount}. */
    private static String at(ValidationMessage error) {
        return error.getInstanceLocation().toString();
    }

    private static ObjectNode order(ObjectNode payload) {
        return payload.withObjectProperty("order");
    }
}
