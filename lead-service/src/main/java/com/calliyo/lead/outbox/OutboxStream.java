package com.calliyo.lead.outbox;

import com.calliyo.lead.events.LeadEventTopics;

/**
 * A collection whose documents carry their own outbox ({@code pendingEvents}, {@code outboxLease},
 * {@code outboxClaims}) and the topic its events go to. The CloudEvents subject is the document's {@code _id}; the
 * record key is the field {@code keyField} of the document ({@code _id} itself for most streams).
 */
public record OutboxStream(String name, String collection, String topic, String keyField) {

    private static final String ID = "_id";

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
}
