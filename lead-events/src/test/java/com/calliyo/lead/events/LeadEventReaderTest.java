package com.calliyo.lead.events;

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

class LeadEventReaderTest {

    final LeadEventReader reader = new LeadEventReader(Contracts.CONSUMER);

    @ParameterizedTest
    @EnumSource(value = LeadEventType.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"COMPANY_SETTINGS_CHANGED", "COMPANY_STATUSES_CHANGED", "USER_CHANGED", "SESSION_ENDED",
                    "WEBHOOK_DISABLED", "ATTENDANCE_CHANGED"})
    void shouldReadEveryLeadEventExampleIntoItsRecord(LeadEventType type) {
        Optional<LeadEvent> event = reader.read(record(type.type(), Contracts.example(type)));

        assertThat(event).get().isInstanceOf(type.dataClass());
        assertThat(event.get().leadId()).isNotBlank();
        assertThat(event.get().companyId()).isNotBlank();
    }

    @Test
    void shouldSkipCompanyEventsAndTypesItDoesNotKnow() {
        assertThat(reader.read(record("com.calliyo.company.settings_changed",
                Contracts.example(LeadEventType.COMPANY_SETTINGS_CHANGED)))).isEmpty();
        assertThat(reader.read(record("com.calliyo.company.statuses_changed",
                Contracts.example(LeadEventType.COMPANY_STATUSES_CHANGED)))).isEmpty();
        assertThat(reader.read(record("com.calliyo.company.user_changed",
                Contracts.example(LeadEventType.USER_CHANGED)))).isEmpty();
        assertThat(reader.read(record("com.calliyo.lead.merged", "{}"))).isEmpty();
    }

    @Test
    void shouldRejectARecordWithoutCloudEventsHeaders() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>(LeadEventTopics.LEAD_EVENTS, 1, 7, "lead-1",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read(plain)).isInstanceOf(LeadEventDecodingException.class)
                .hasMessageContaining("crm.lead.events-1@7 is not a CloudEvent");
    }

    @Test
    void shouldRejectDataThatIsNotJsonOfTheType() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.lead.captured", "{\"leadId\": oops")))
                .isInstanceOf(LeadEventDecodingException.class).hasMessageContaining("unreadable data");
    }

    @Test
    void shouldRejectAnEventWithoutItsIdentity() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.lead.captured", "{\"leadVersion\": 1}")))
                .isInstanceOf(LeadEventDecodingException.class).hasMessageContaining("lacks companyId, leadId or lead");
    }

    @Test
    void shouldRejectAnEventWithoutData() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.lead.captured", null)))
                .isInstanceOf(LeadEventDecodingException.class).hasMessageContaining("has no data");
    }

    static ConsumerRecord<String, byte[]> record(String type, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes("event-1"));
        headers.add("ce_source", bytes(LeadEventTopics.SOURCE));
        headers.add("ce_type", bytes(type));
        if (data != null) {
            headers.add("content-type", bytes("application/json"));
        }
        return new ConsumerRecord<>(LeadEventTopics.LEAD_EVENTS, 0, 0, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, -1, -1, "lead-1", data == null ? null : bytes(data), headers,
                Optional.empty());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
