package com.calliyo.lead.outbox;

import com.calliyo.lead.events.LeadEventTopics;

/**
 * A collection whose documents carry their own outbox ({@code pendingEvents}, {@code outboxLease},
 * {@code outboxClaims}) and the topic its events go to, keyed by the document's {@code _id} (which is also the
 * CloudEvents subject).
 */
public record OutboxStream(String name, String collection, String topic) {

    /**
     * How many times the document's outbox was claimed; the relay's compare-and-set key. Writers set it to 0 when
     * they insert a document and never touch it afterwards.
     */
    public static final String CLAIMS_FIELD = "outboxClaims";

    /** Lead documents ({@code lead/persistence/MongoLeads}): lead events keyed by leadId. */
    public static final OutboxStream LEADS = new OutboxStream("lead", "leads", LeadEventTopics.LEAD_EVENTS);

    /** One pipeline document per company ({@code status/MongoPipelines}): company events keyed by companyId. */
    public static final OutboxStream PIPELINES = new OutboxStream("company pipeline", "pipelines",
            LeadEventTopics.COMPANY_EVENTS);

    /** Company documents ({@code company/Companies}): {@code settings_changed} events keyed by companyId. */
    public static final OutboxStream COMPANIES = new OutboxStream("company", "companies",
            LeadEventTopics.COMPANY_EVENTS);
}
