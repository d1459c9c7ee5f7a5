package com.calliyo.lead.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Consumer;

import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The schemas are not rubber stamps: payloads that break the contract fail, and the error names the field. */
class LeadEventSchemaRejectionTest {

    @Test
    void shouldRejectAnEventWithoutLeadId() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CONVERTED, p -> p.remove("leadId"));

        assertThat(errors).extracting(ValidationMessage::getType).contains("required");
        assertThat(errors).extracting(ValidationMessage::getProperty).contains("leadId");
    }

    @Test
    void shouldRejectAnUnassignmentWithoutTheAgentItWasTakenFromOrAReason() {
        Set<ValidationMessage> noAgent = validateBroken(LeadEventType.UNASSIGNED, p -> p.putNull("fromAgentId"));
        Set<ValidationMessage> noReason = validateBroken(LeadEventType.UNASSIGNED, p -> p.remove("reason"));

        assertThat(noAgent).extracting(LeadEventSchemaRejectionTest::at).contains("/fromAgentId");
        assertThat(noReason).extracting(ValidationMessage::getProperty).contains("reason");
    }

    @Test
    void shouldRejectAStatusKindOutsideTheEnum() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.STATUS_CHANGED,
                p -> lead(p).withObjectProperty("status").put("kind", "WON"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/lead/status/kind");
        assertThat(errors).extracting(ValidationMessage::getType).contains("enum");
    }

    @Test
    void shouldRejectAStatusWithoutKind() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.STATUS_CHANGED,
                p -> p.withObjectProperty("to").remove("kind"));

        assertThat(errors).extracting(ValidationMessage::getProperty).contains("kind");
    }

    @Test
    void shouldRejectAPhoneThatIsNotE164() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CAPTURED,
                p -> lead(p).put("phone", "98765 43210"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/lead/phone");
    }

    @Test
    void shouldRejectAnInstantThatIsNotIso8601() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CAPTURED,
                p -> p.put("occurredAt", "04/05/2026 10:15 IST"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/occurredAt");
    }

    @Test
    void shouldRejectAVersionSentAsText() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CAPTURED, p -> p.put("leadVersion", "1"));

        assertThat(errors).extracting(ValidationMessage::getType).contains("type");
    }

    @Test
    void shouldRejectAnUnknownCallStatus() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CALL_LOGGED,
                p -> p.withObjectProperty("call").put("callStatus", "CONNECTED"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/call/callStatus");
    }

    @Test
    void shouldRejectACallWithoutCallStatus() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CALL_LOGGED,
                p -> p.withObjectProperty("call").putNull("callStatus"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/call/callStatus");
    }

    @Test
    void shouldRejectAnEntryOfTheWrongTypeInCallLogged() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.CALL_LOGGED,
                p -> p.withObjectProperty("call").put("type", "NOTE"));

        assertThat(errors).isNotEmpty();
    }

    @Test
    void shouldRejectAnUnconversionThatDoesNotLeaveCustomer() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.UNCONVERTED,
                p -> p.withObjectProperty("from").put("kind", "OTHER"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/from/kind");
    }

    @Test
    void shouldRejectAResolvedFollowUpWithoutResolvedAt() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.FOLLOWUP_RESOLVED,
                p -> p.withObjectProperty("followUp").putNull("resolvedAt"));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/followUp/resolvedAt");
    }

    @Test
    void shouldRejectAnUnknownShowCustomerTo() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.COMPANY_SETTINGS_CHANGED,
                p -> p.put("showCustomerTo", "Agent Only"));

        assertThat(errors).extracting(ValidationMessage::getType).contains("enum");
    }

    @Test
    void shouldRejectAPipelineStatusWithANegativePosition() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.COMPANY_STATUSES_CHANGED,
                p -> ((ObjectNode) p.get("statuses").get(1)).put("position", -1));

        assertThat(errors).extracting(LeadEventSchemaRejectionTest::at).contains("/statuses/1/position");
    }

    @Test
    void shouldRejectStatusesChangedWithoutItsPipelineVersion() {
        Set<ValidationMessage> errors = validateBroken(LeadEventType.COMPANY_STATUSES_CHANGED,
                p -> p.remove("pipelineVersion"));

        assertThat(errors).extracting(ValidationMessage::getProperty).contains("pipelineVersion");
    }

    private static Set<ValidationMessage> validateBroken(LeadEventType type, Consumer<ObjectNode> breakIt) {
        ObjectNode payload = (ObjectNode) Contracts.CONSUMER.readTree(Contracts.example(type));
        assertThat(Contracts.validate(type, payload.toString())).as("the untouched example is valid").isEmpty();
        breakIt.accept(payload);
        return Contracts.validate(type, payload.toString());
    }

    /** The JSON Pointer of the offending value, e.g. {@code /lead/status/kind}. */
    private static String at(ValidationMessage error) {
        return error.getInstanceLocation().toString();
    }

    private static ObjectNode lead(ObjectNode payload) {
        return payload.withObjectProperty("lead");
    }
}
