package com.calliyo.lead.lead.events;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.lead.domain.Call;
import com.calliyo.lead.lead.domain.CallStatus;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.lead.domain.NewLead;
import com.calliyo.lead.lead.domain.Note;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.shared.StatusKind;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What the mapper publishes for activities (and a conversion's timeline) is valid against the v1 JSON Schemas. */
class ActivityEventSchemaTest {

    static final LeadStatusRef UNASSIGNED = new LeadStatusRef("s-un", "Unassigned", StatusKind.UNASSIGNED);
    static final LeadStatusRef FOLLOWUPS = new LeadStatusRef("s-fu", "Followups", StatusKind.FOLLOWUPS);
    static final LeadStatusRef CUSTOMER = new LeadStatusRef("s-cu", "Customer", StatusKind.CUSTOMER);
    static final Instant T0 = Instant.parse("2026-05-11T03:30:00Z");

    private final JsonMapper json = JsonMapper.builder().build();
    private final LeadEventMapper mapper = new LeadEventMapper(json);

    @Test
    void shouldPublishActivityEventsAndTheConversionTimelineThatMatchTheSchemas() {
        Lead lead = Lead.capture("c1", new NewLead("Asha", null, "+919876543210", null, List.of(), null, null),
                UNASSIGNED, "u1", T0).lead();
        List<OutboxEntry> entries = new ArrayList<>();
        Call call = Call.logged(CallStatus.RESCHEDULED, 0, null, null, "u1", T0);
        FollowUp followUp = FollowUp.scheduled(lead.id(), T0.plusSeconds(3600), "after lunch", "u1", "u1", T0,
                call.id());
        entries.addAll(mapper.toOutbox(lead, lead.logCall(call, followUp, FOLLOWUPS, ZoneId.of("Asia/Kolkata"),
                "u1", T0), "u1", T0));
        entries.addAll(mapper.toOutbox(lead, lead.resolveFollowUp(followUp.id(), "u1", T0), "u1", T0));
        entries.addAll(mapper.toOutbox(lead, lead.addNote(Note.written("prefers mornings", "u1", T0), T0), "u1",
                T0));
        entries.addAll(mapper.toOutbox(lead, lead.change(null, CUSTOMER, "u1", T0.plusSeconds(60)), "u1",
                T0.plusSeconds(60)));

        assertThat(entries).extracting(OutboxEntry::type).containsExactly("com.calliyo.call.logged",
                "com.calliyo.followup.scheduled", "com.calliyo.lead.status_changed", "com.calliyo.followup.resolved",
                "com.calliyo.note.added", "com.calliyo.lead.status_changed", "com.calliyo.lead.converted");
        for (OutboxEntry entry : entries) {
            LeadEventType type = LeadEventType.ofType(entry.type()).orElseThrow();
            assertThat(validate(type, entry.payload())).as(entry.type() + " " + entry.payload()).isEmpty();
        }
        JsonNode converted = json.readTree(entries.get(6).payload());
        assertThat(converted.get("timeline").findValuesAsString("type")).containsExactly("NOTE", "FOLLOW_UP", "CALL");
        assertThat(converted.get("timeline").get(1).get("resolvedAt").isNull()).isFalse();
    }

    @Test
    void shouldPublishAStaleLeadTakenBackAsAnUnassignmentThatMatchesItsSchema() {
        Lead lead = Lead.capture("c1", new NewLead("Asha", null, "+919876543210", null, List.of(), null, null),
                UNASSIGNED, "u1", T0).lead();
        lead.assignTo("agent-1", FOLLOWUPS, "u1", T0);

        List<OutboxEntry> entries = mapper.toOutbox(lead, lead.unassign(UNASSIGNED, LeadChange.Unassigned.STALE,
                "system:stale-leads", T0), "system:stale-leads", T0);

        assertThat(entries).extracting(OutboxEntry::type).containsExactly("com.calliyo.lead.unassigned",
                "com.calliyo.lead.status_changed");
        assertThat(validate(LeadEventType.UNASSIGNED, entries.get(0).payload())).isEmpty();
        JsonNode unassigned = json.readTree(entries.get(0).payload());
        assertThat(unassigned.get("fromAgentId").asString()).isEqualTo("agent-1");
        assertThat(unassigned.get("reason").asString()).isEqualTo("STALE");
        assertThat(unassigned.get("lead").get("assignedTo").isNull()).isTrue();
    }

    private static List<?> validate(LeadEventType type, String payload) {
        String schema = "classpath:contracts/lead-events/" + type.dataClass().getSimpleName() + ".v1.schema.json";
        return List.copyOf(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(schema),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
                .validate(payload, InputFormat.JSON));
    }
}
