package com.calliyo.lead.lead.events;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.lead.domain.Note;
import com.calliyo.lead.shared.OutboxEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.calliyo.lead.lead.events.ActivityEventSchemaTest.CUSTOMER;
import static com.calliyo.lead.lead.events.ActivityEventSchemaTest.T0;
import static com.calliyo.lead.lead.events.ActivityEventSchemaTest.UNASSIGNED;
import static org.assertj.core.api.Assertions.assertThat;

class LeadEventMapperTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final LeadEventMapper mapper = new LeadEventMapper(json);

    @Test
    void shouldPublishAConversionFarBelowTheBrokerLimitHoweverLongTheHistory() {
        Lead lead = Lead.capture("c1", new NewLead("Asha", null, "+919876543210", null, List.of(), null, null),
                UNASSIGNED, "u1", T0).lead();
        int notes = 400;
        for (int i = 0; i < notes; i++) {
            // the longest note the API takes: 400 of them are about 2 MB of timeline
            lead.addNote(Note.written(i + " " + "n".repeat(4_990), "u1", T0.plusSeconds(i)), T0.plusSeconds(i));
        }

        List<OutboxEntry> entries = mapper.toOutbox(lead, lead.change(null, CUSTOMER, "u1", T0.plusSeconds(notes)),
                "u1", T0.plusSeconds(notes));

        OutboxEntry converted = entries.stream().filter(e -> e.type().equals("com.calliyo.lead.converted"))
                .findFirst().orElseThrow();
        assertThat(converted.payload().getBytes(StandardCharsets.UTF_8).length).isLessThan(300 * 1024);
        JsonNode payload = json.readTree(converted.payload());
        assertThat(payload.get("timelineTruncated").asBoolean()).isTrue();
        assertThat(payload.get("timelineSize").asInt()).isEqualTo(notes);
        assertThat(payload.get("timeline").size()).isBetween(1, notes - 1);
        assertThat(payload.get("timeline").get(0).get("text").asString()).startsWith((notes - 1) + " ");
    }

    @Test
    void shouldSayAShortTimelineIsWhole() {
        Lead lead = Lead.capture("c1", new NewLead("Asha", null, "+919876543210", null, List.of(), null, null),
                UNASSIGNED, "u1", T0).lead();
        lead.addNote(Note.written("prefers mornings", "u1", T0), T0);

        JsonNode payload = json.readTree(mapper.toOutbox(lead, lead.change(null, CUSTOMER, "u1", T0.plusSeconds(1)),
                "u1", T0.plusSeconds(1)).stream().filter(e -> e.type().equals("com.calliyo.lead.converted"))
                .findFirst().orElseThrow().payload());

        assertThat(payload.get("timelineTruncated").asBoolean()).isFalse();
        assertThat(payload.get("timelineSize").asInt()).isEqualTo(1);
        assertThat(payload.get("timeline").size()).isEqualTo(1);
    }
}
