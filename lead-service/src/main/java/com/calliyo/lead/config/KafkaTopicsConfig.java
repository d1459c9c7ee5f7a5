package com.calliyo.lead.config;

import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics lead-service owns and their dead-letter topics, declared at start with the configured partitions and
 * replication ({@code calliyo.topics.*}): the brokers of the local stack and compose do not create topics on first
 * use, so these declarations are the only place a topic's shape is decided.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics leadServiceTopics(@Value("${calliyo.topics.partitions:6}") int partitions,
                                           @Value("${calliyo.topics.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(
                topic(LeadEventTopics.LEAD_EVENTS, partitions, replicationFactor),
                topic(LeadEventTopics.LEAD_EVENTS_DLT, partitions, replicationFactor),
                topic(LeadEventTopics.COMPANY_EVENTS, partitions, replicationFactor),
                topic(LeadEventTopics.COMPANY_EVENTS_DLT, partitions, replicationFactor));
    }

    private static NewTopic topic(String name, int partitions, short replicationFactor) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build();
    }
}
