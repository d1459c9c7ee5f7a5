package com.calliyo.order.messaging;

import com.calliyo.order.events.OrderEventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * order-service owns {@code crm.order.events} and its dead-letter topic: declared at start with the configured
 * partitions, replication and min.insync.replicas ({@code calliyo.topics.*}, the same keys as lead-service's), since
 * the brokers of the local stack and compose do not create topics on first use.
 */
@Configuration(proxyBeanMethods = false)
class OrderTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics orderServiceTopics(@Value("${calliyo.topics.partitions:6}") int partitions,
                                            @Value("${calliyo.topics.replication-factor:1}") short replicas,
                                            @Value("${calliyo.topics.min-insync-replicas:1}") int minInsync) {
        return new KafkaAdmin.NewTopics(
                topic(OrderEventTopics.ORDER_EVENTS, partitions, replicas, minInsync),
                topic(OrderEventTopics.ORDER_EVENTS_DLT, partitions, replicas, minInsync));
    }

    private static NewTopic topic(String name, int partitions, short replicas, int minInsync) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync)).build();
    }
}
