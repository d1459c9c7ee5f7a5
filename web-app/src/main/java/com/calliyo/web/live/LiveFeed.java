package com.calliyo.web.live;

import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.LeadEventDecodingException;
import com.calliyo.lead.events.LeadEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.order.events.OrderEventDecodingException;
import com.calliyo.order.events.OrderEventReader;
import com.calliyo.order.events.OrderEventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the suite's events into signals for the open pages. It only reads: nothing is stored, nothing committed, and
 * a record it cannot read is skipped (the services' own listeners dead-letter it; a page simply misses one refresh).
 */
final class LiveFeed implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final LiveSubscribers subscribers;
    private final LeadEventReader leads;
    private final OrderEventReader orders;
    private final CompanyEventReader companies;

    LiveFeed(LiveSubscribers subscribers, JsonMapper json) {
        this.subscribers = subscribers;
        this.leads = new LeadEventReader(json);
        this.orders = new OrderEventReader(json);
        this.companies = new CompanyEventReader(json);
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        if (!subscribers.anyOpen()) {
            return; // nobody is looking: not worth reading
        }
        try {
            switch (record.topic()) {
                case LeadEventTopics.LEAD_EVENTS -> leads.read(record).map(SuiteChanges::of)
                        .ifPresent(subscribers::publish);
                case OrderEventTopics.ORDER_EVENTS -> orders.read(record).map(SuiteChanges::of)
                        .ifPresent(subscribers::publish);
                case LeadEventTopics.COMPANY_EVENTS -> companies.read(record).ifPresent(event -> {
                    if (event instanceof SessionEnded ended) {
                        subscribers.end(ended);
                    } else {
                        SuiteChanges.of(event).ifPresent(subscribers::publish);
                    }
                });
                default -> log.debug("Not a topic the pages follow: {}", record.topic());
            }
        } catch (LeadEventDecodingException | OrderEventDecodingException | IllegalArgumentException e) {
            log.warn("Skipping unreadable event at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
