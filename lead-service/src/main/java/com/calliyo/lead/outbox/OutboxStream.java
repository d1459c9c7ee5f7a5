package com.calliyo.lead.outbox;

import com.calliyo.lead.events.LeadEventTopics;

/**
 * A collection whose documents carry their own outbox ({@code pendingEvents}, {@code outboxLease}) and the topic its
 * events go to, keyed by the document's {@code _id} (which is also the CloudEvents subject).
 */
record OutboxStream(String name, String collection, String topic) {

    /** Lead documents ({@code lead/persistence/MongoLeads}): lead events keyed by leadId. */
    static final OutboxStream LEADS = new OutboxStream("lead", "leads", LeadEventTopics.LEAD_EVENTS);

    /** One pipeline document per company ({@code status/MongoPipelines}): company events keyed by companyId. */
    static final OutboxStream PIPELINES = new OutboxStream("company pipeline", "pipelines",
            LeadEventTopics.COMPANY_EVENTS);
}
