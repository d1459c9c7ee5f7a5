package com.calliyo.lead.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code ce_type} values on the lead and company topics, each bound to its v1 data record and schema URI.
 * v1 only gains fields; a breaking change becomes a new type published side by side.
 */
public enum LeadEventType {

    CAPTURED("com.calliyo.lead.captured", LeadCaptured.class),
    UPDATED("com.calliyo.lead.updated", LeadUpdated.class),
    ASSIGNED("com.calliyo.lead.assigned", LeadAssigned.class),
    UNASSIGNED("com.calliyo.lead.unassigned", LeadUnassigned.class),
    STATUS_CHANGED("com.calliyo.lead.status_changed", LeadStatusChanged.class),
    CONVERTED("com.calliyo.lead.converted", LeadConverted.class),
    UNCONVERTED("com.calliyo.lead.unconverted", LeadUnconverted.class),
    CALL_LOGGED("com.calliyo.call.logged", CallLogged.class),
    FOLLOWUP_SCHEDULED("com.calliyo.followup.scheduled", FollowUpScheduled.class),
    FOLLOWUP_RESOLVED("com.calliyo.followup.resolved", FollowUpResolved.class),
    NOTE_ADDED("com.calliyo.note.added", NoteAdded.class),
    COMPANY_SETTINGS_CHANGED("com.calliyo.company.settings_changed", CompanySettingsChanged.class),
    COMPANY_STATUSES_CHANGED("com.calliyo.company.statuses_changed", CompanyStatusesChanged.class),
    USER_CHANGED("com.calliyo.company.user_changed", UserChanged.class),
    SESSION_ENDED("com.calliyo.company.session_ended", SessionEnded.class),
    WEBHOOK_DISABLED("com.calliyo.company.webhook_disabled", WebhookDisabled.class),
    ATTENDANCE_CHANGED("com.calliyo.company.attendance_changed", AttendanceChanged.class);

    private static final String SCHEMA_BASE = "https://calliyo.com/schemas/events/";
    private static final String COMPANY_TYPE_PREFIX = "com.calliyo.company.";

    private final String type;
    private final Class<?> dataClass;

    LeadEventType(String type, Class<?> dataClass) {
        this.type = type;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code com.calliyo.lead.converted}. */
    public String type() {
        return type;
    }

    /** The topic the type is published on: company events on their own topic, keyed by companyId. */
    public String topic() {
        return isCompanyEvent() ? LeadEventTopics.COMPANY_EVENTS : LeadEventTopics.LEAD_EVENTS;
    }

    /** True for the types about a company rather than a lead ({@code com.calliyo.company.*}, key = companyId). */
    public boolean isCompanyEvent() {
        return type.startsWith(COMPANY_TYPE_PREFIX);
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    /** The CloudEvents {@code dataschema} attribute; its last segment is the version. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + type.substring("com.calliyo.".length()) + "/v1");
    }

    public static Optional<LeadEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
