package com.calliyo.order.messaging;

import com.calliyo.order.events.OrderEventTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * order-service owns {@code crm.order.events} and its dead-letter topic: declared at start with the configured
 * partitions and replication ({@code calliyo.topics.*}, the same keys as lead-service's), since the brokers of the
 * local stack and compose do not create topics on first use.
 */
@Configuration(proxyBeanMethods = false)
class OrderTopicsConfig {

    @Bean
    KafkaAdmin.NewTopics orderServiceTopics(@Value("${calliyo.topics.partitions:6}") int partitions,
                                            @Value("${calliyo.topics.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(OrderEventTopics.ORDER_EVENTS).partitions(partitions).replicas(replicas).build(),
                TopicBuilder.name(OrderEventTopics.ORDER_EVENTS_DLT).partitions(partitions).replicas(replicas).build());
    }
}
