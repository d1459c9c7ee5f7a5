package com.calliyo.lead.user;

import java.time.Instant;
import java.util.UUID;

import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.lead.shared.OutboxEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a user into its v1 {@code com.calliyo.company.user_changed} event: what read models need to show the person
 * (name, role, ban), never the email, phone or password hash. {@code userVersion} is the user document's version.
 */
@Component
class UserEvents {

    private final JsonMapper json;

    UserEvents(JsonMapper json) {
        this.json = json;
    }

    OutboxEntry userChanged(User user, String actorId, Instant now) {
        UserChanged event = new UserChanged(user.companyId(), user.id(), user.version(), now, actorId, user.name(),
                user.role().name(), user.banned(), user.tokensValidAfter());
        return new OutboxEntry(UUID.randomUUID().toString(), LeadEventType.USER_CHANGED.type(), now,
                json.writeValueAsString(event));
    }
}
