package com.calliyo.systemtests;

import java.util.List;
import java.util.Map;

import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every topic of the suite and its dead-letter topic exist as their owners declared them (6 partitions, replication
 * factor 1 by default), on a broker that creates no topic on first use: so nothing in the suite relies on it.
 */
class TopicsIT {

    static final List<String> TOPICS = List.of(LeadEventTopics.LEAD_EVENTS, LeadEventTopics.LEAD_EVENTS_DLT,
            LeadEventTopics.COMPANY_EVENTS, LeadEventTopics.COMPANY_EVENTS_DLT, "crm.order.events",
            "crm.order.events-dlt");

    final Suite suite = Suite.shared();

    @Test
    void shouldHaveEveryTopicAndItsDeadLetterTopicAsDeclaredOnABrokerThatCreatesNone() {
        assertThat(suite.tap().brokerSetting("auto.create.topics.enable")).isEqualTo("false");

        Map<String, TopicDescription> topics = suite.tap().describe(TOPICS);

        assertThat(topics).containsOnlyKeys(TOPICS);
        topics.forEach((name, topic) -> {
            assertThat(topic.partitions()).as(name).hasSize(6);
            assertThat(topic.partitions()).as(name).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
        });
    }
}
