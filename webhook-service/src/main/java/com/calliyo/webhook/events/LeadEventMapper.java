package com.calliyo.webhook.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.LeadUpdated;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.webhook.delivery.WebhookEvent;
import com.calliyo.webhook.subscription.domain.WebhookEventType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead events → webhook events. {@code data.lead} is the lead after the change (with {@code id} and {@code version});
 * {@code data.previous} holds the changed fields with their values before the change for updates, status changes,
 * assignments and un-conversions. Types subscribers cannot ask for ({@code lead.unassigned}) give nothing.
 */
@Component
class LeadEventMapper {

    /** The fields a {@code lead.updated} can change (shared/design/api.md, PATCH /api/leads/{id}). */
    static final List<String> EDITABLE = List.of("firstName", "lastName", "phone", "email", "tags");

    private final JsonMapper json;
    private final LeadStates states;

    LeadEventMapper(JsonMapper json, LeadStates states) {
        this.json = json;
        this.states = states;
    }

    Optional<WebhookEvent> map(String eventId, LeadEvent event) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("id", event.leadId());
        lead.put("version", event.leadVersion());
        lead.putAll(tree(event.lead()));
        Map<String, Object> before = states.previous(event.companyId(), event.leadId(), event.leadVersion(), lead);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lead", lead);
        WebhookEventType type = null;
        if (event instanceof LeadCaptured) {
            type = WebhookEventType.LEAD_CREATED;
        } else if (event instanceof LeadUpdated) {
            data.put("previous", before == null ? null : changed(before, lead));
            type = WebhookEventType.LEAD_UPDATED;
        } else if (event instanceof LeadStatusChanged changed) {
            data.put("previous", nullable("status", tree(changed.from())));
            type = WebhookEventType.LEAD_STATUS_CHANGED;
        } else if (event instanceof LeadAssigned assigned) {
            data.put("previous", nullable("assignedTo", assigned.fromAgentId()));
            type = WebhookEventType.LEAD_ASSIGNED;
        } else if (event instanceof LeadConverted converted) {
            data.put("convertedAt", String.valueOf(converted.convertedAt()));
            data.put("convertedBy", converted.convertedBy());
            type = WebhookEventType.LEAD_CONVERTED;
        } else if (event instanceof LeadUnconverted unconverted) {
            data.put("previous", nullable("status", tree(unconverted.from())));
            type = WebhookEventType.LEAD_UNCONVERTED;
        } else if (event instanceof CallLogged call) {
            data.put("call", tree(call.call()));
            type = WebhookEventType.CALL_COMPLETED;
        } else if (event instanceof FollowUpScheduled followUp) {
            data.put("followUp", tree(followUp.followUp()));
            type = WebhookEventType.FOLLOWUP_CREATED;
        } else if (event instanceof FollowUpResolved followUp) {
            data.put("followUp", tree(followUp.followUp()));
            type = WebhookEventType.FOLLOWUP_COMPLETED;
        } else if (event instanceof NoteAdded note) {
            data.put("note", tree(note.note()));
            type = WebhookEventType.NOTE_ADDED;
        }
        return Optional.ofNullable(type).map(t -> new WebhookEvent(eventId, t.wireName(), event.occurredAt(),
                event.companyId(), event.leadId(), data));
    }

    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> previous = new LinkedHashMap<>();
        for (String field : EDITABLE) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                previous.put(field, before.get(field));
            }
        }
        return previous;
    }

    private static Map<String, Object> nullable(String field, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(field, value);
        return map;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tree(Object value) {
        return value == null ? null : json.convertValue(value, Map.class);
    }
}
