package com.calliyo.lead.outbox;

import com.calliyo.lead.events.LeadEventTopics;

/**
 * A collection whose documents carry their own outbox ({@code pendingEvents}, {@code outboxLease},
 * {@code outboxClaims}) and the topic its events go to. The record key is the field {@code keyField} of the document
 * and the CloudEvents subject the field {@code subjectField} ({@code _id} itself for most streams).
 */
public record OutboxStream(String name, String collection, String topic, String keyField, String subjectField) {

    private static final String ID = "_id";

    /** A stream whose events are about the document itself: the subject is its {@code _id}. */
    public OutboxStream(String name, String collection, String topic, String keyField) {
        this(name, collection, topic, keyField, ID);
    }

    /**
     * How many times the document's outbox was claimed; the relay's compare-and-set key. Writers set it to 0 when
     * they insert a document and never touch it afterwards.
     */
    public static final String CLAIMS_FIELD = "outboxClaims";

    /** Lead documents ({@code lead/persistence/MongoLeads}): lead events keyed by leadId. */
    public static final OutboxStream LEADS = new OutboxStream("lead", "leads", LeadEventTopics.LEAD_EVENTS, ID);

    /** One pipeline document per company ({@code status/MongoPipelines}): company events keyed by companyId. */
    public static final OutboxStream PIPELINES = new OutboxStream("company pipeline", "pipelines",
            LeadEventTopics.COMPANY_EVENTS, ID);

    /** Company documents ({@code company/Companies}): {@code settings_changed} events keyed by companyId. */
    public static final OutboxStream COMPANIES = new OutboxStream("company", "companies",
            LeadEventTopics.COMPANY_EVENTS, ID);

    /**
     * User documents ({@code user/Users}): {@code user_changed} events, keyed by the user's companyId like every
     * company event, so a company's events share a partition; the subject is the userId.
     */
    public static final OutboxStream USERS = new OutboxStream("user", "users", LeadEventTopics.COMPANY_EVENTS,
            "companyId");

    /**
     * Sign-in sessions ({@code auth/Sessions}): {@code session_ended} events, keyed by companyId like every company
     * event; the subject is the session's user ({@code userId}), as for {@code user_changed}.
     */
    public static final OutboxStream SESSIONS = new OutboxStream("session", "sessions",
            LeadEventTopics.COMPANY_EVENTS, "companyId", "userId");

    /**
     * Attendance records ({@code attendance/AttendanceStore}): {@code attendance_changed} events, keyed by companyId
     * like every company event; the subject is the agent ({@code userId}).
     */
    public static final OutboxStream ATTENDANCE = new OutboxStream("attendance", "attendance",
            LeadEventTopics.COMPANY_EVENTS, "companyId", "userId");
}
