package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.UUID;

import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.shared.OutboxEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the end of a session into its v1 {@code com.calliyo.company.session_ended} event, which lets every service
 * refuse the session's access tokens (their {@code sid}) before they expire.
 */
@Component
class SessionEvents {

    /** The actor when lead-service itself ends a session (reuse of a rotated refresh token). */
    static final String SYSTEM = "system";

    private final JsonMapper json;

    SessionEvents(JsonMapper json) {
        this.json = json;
    }

    OutboxEntry sessionEnded(Session session, String actorId, String reason, Instant now) {
        SessionEnded event = new SessionEnded(session.companyId(), session.userId(), session.id(), now, actorId,
                reason);
        return new OutboxEntry(UUID.randomUUID().toString(), LeadEventType.SESSION_ENDED.type(), now,
                json.writeValueAsString(event));
    }
}
