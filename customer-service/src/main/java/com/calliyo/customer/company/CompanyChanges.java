package com.calliyo.customer.company;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.lead.events.CompanySettingsChanged;
import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.UserChanged;
import org.bson.Document;

/**
 * Decisions on company events, free of I/O: the fields to set, or nothing when the held version is newer. Equal
 * versions apply again (same values), so a redelivery finishes what a crash interrupted.
 */
final class CompanyChanges {

    private CompanyChanges() {
    }

    record Held(boolean exists, long settingsVersion, long pipelineVersion, Map<String, Long> userVersions) {

        static final Held NOTHING = new Held(false, 0, 0, Map.of());
    }

    static Optional<Document> settings(Held held, CompanySettingsChanged event) {
        if (held.settingsVersion() > event.settingsVersion()) {
            return Optional.empty();
        }
        List<Document> statuses = event.statuses() == null ? List.of() : event.statuses().stream()
                .map(s -> status(s.id(), s.name(), s.kind() == null ? null : s.kind().name()))
                .toList();
        return Optional.of(new Document("settingsVersion", event.settingsVersion())
                .append("settingsAt", CompanySettingsStore.date(event.occurredAt()))
                .append("timezone", event.timezone())
                .append("showCustomerTo", event.showCustomerTo())
                .append("settingsStatuses", statuses));
    }

    static Optional<Document> pipeline(Held held, CompanyStatusesChanged event) {
        if (held.pipelineVersion() > event.pipelineVersion()) {
            return Optional.empty();
        }
        List<Document> statuses = event.statuses().stream()
                .map(s -> status(s.id(), s.name(), s.kind() == null ? null : s.kind().name()))
                .toList();
        return Optional.of(new Document("pipelineVersion", event.pipelineVersion())
                .append("pipelineAt", CompanySettingsStore.date(event.occurredAt()))
                .append("pipelineStatuses", statuses));
    }

    /** A user's name and role under {@code users.<userId>}, unless a newer userVersion of that user is held. */
    static Optional<Document> user(Held held, UserChanged event) {
        String userId = event.userId();
        if (userId == null || userId.isBlank() || userId.contains(".") || userId.startsWith("$")) {
            throw new IllegalArgumentException("Unusable user id: " + userId);
        }
        Long heldVersion = held.userVersions().get(userId);
        if (heldVersion != null && heldVersion > event.userVersion()) {
            return Optional.empty();
        }
        return Optional.of(new Document("users." + userId, new Document("name", event.name())
                .append("role", event.role())
                .append("version", event.userVersion())));
    }

    private static Document status(String id, String name, String kind) {
        return new Document("id", id).append("name", name).append("kind", kind);
    }
}
