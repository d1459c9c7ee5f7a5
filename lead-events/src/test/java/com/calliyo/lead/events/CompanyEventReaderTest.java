package com.calliyo.lead.events;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.calliyo.lead.events.LeadEventReaderTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompanyEventReaderTest {

    final CompanyEventReader reader = new CompanyEventReader(Contracts.CONSUMER);

    @ParameterizedTest
    @EnumSource(value = LeadEventType.class, names = {"COMPANY_SETTINGS_CHANGED", "COMPANY_STATUSES_CHANGED", "USER_CHANGED",
            "SESSION_ENDED",
            "WEBHOOK_DISABLED", "ATTENDANCE_CHANGED"})
    void shouldReadEveryCompanyEventExampleIntoItsRecord(LeadEventType type) {
        Optional<CompanyEvent> event = reader.read(record(type.type(), Contracts.example(type)));

        assertThat(event).get().isInstanceOf(type.dataClass());
        assertThat(event.get().companyId()).isNotBlank();
        assertThat(type.isCompanyEvent()).isTrue();
        assertThat(type.topic()).isEqualTo(LeadEventTopics.COMPANY_EVENTS);
    }

    @Test
    void shouldReadThePipelineInOrderWithItsVersion() {
        CompanyStatusesChanged event = (CompanyStatusesChanged) reader.read(record(
                LeadEventType.COMPANY_STATUSES_CHANGED.type(),
                Contracts.example(LeadEventType.COMPANY_STATUSES_CHANGED))).orElseThrow();

        assertThat(event.pipelineVersion()).isEqualTo(5);
        assertThat(event.statuses()).extracting(PipelineStatus::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8,
                9, 10);
        assertThat(event.statuses().get(3).toRef())
                .isEqualTo(new StatusRef("2c5a9e1f-8b4d-3c72-9f6a-1b3e7d5c9a38", "Warm lead", StatusKind.OTHER));
    }

    @Test
    void shouldSkipLeadEventsAndTypesItDoesNotKnow() {
        assertThat(reader.read(record(LeadEventType.CONVERTED.type(), Contracts.example(LeadEventType.CONVERTED))))
                .isEmpty();
        assertThat(reader.read(record("com.calliyo.company.merged", "{}"))).isEmpty();
    }

    @Test
    void shouldRejectAnEventWithoutCompanyId() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.company.statuses_changed",
                "{\"pipelineVersion\": 2, \"statuses\": []}")))
                .isInstanceOf(LeadEventDecodingException.class).hasMessageContaining("lacks companyId");
    }

    @Test
    void shouldRejectStatusesChangedWithoutStatuses() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.company.statuses_changed",
                "{\"companyId\": \"c-1\", \"pipelineVersion\": 2}")))
                .isInstanceOf(LeadEventDecodingException.class).hasMessageContaining("lacks statuses");
    }

    @Test
    void shouldRejectDataThatIsNotJsonOfTheType() {
        assertThatThrownBy(() -> reader.read(record("com.calliyo.company.statuses_changed", "{\"companyId\": oops")))
                .isInstanceOf(LeadEventDecodingException.class).hasMessageContaining("unreadable data");
    }
}
