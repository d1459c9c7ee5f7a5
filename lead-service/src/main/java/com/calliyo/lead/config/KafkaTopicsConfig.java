package com.calliyo.lead.config;

import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics lead-service owns and their dead-letter topics, declared at start with the configured partitions and
 * replication and min.insync.replicas
 * ({@code calliyo.topics.*}): the brokers of the local stack and compose do not create topics on first
 * use, so these declarations are the only place a topic's shape is decided.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics leadServiceTopics(@Value("${calliyo.topics.partitions:6}") int partitions,
                                           @Value("${calliyo.topics.replication-factor:1}") short replicationFactor,
                                           @Value("${calliyo.topics.min-insync-replicas:1}") int minInsyncReplicas) {
        return new KafkaAdmin.NewTopics(
                topic(LeadEventTopics.LEAD_EVENTS, partitions, replicationFactor, minInsyncReplicas),
                topic(LeadEventTopics.LEAD_EVENTS_DLT, partitions, replicationFactor, minInsyncReplicas),
                topic(LeadEventTopics.COMPANY_EVENTS, partitions, replicationFactor, minInsyncReplicas),
                topic(LeadEventTopics.COMPANY_EVENTS_DLT, partitions, replicationFactor, minInsyncReplicas));
    }

    private static NewTopic topic(String name, int partitions, short replicationFactor, int minInsyncReplicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas)).build();
    }
}
