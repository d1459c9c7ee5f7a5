package com.calliyo.lead.config;

import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics lead-service owns, declared so they exist with the intended partitioning before the first send. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    static final int PARTITIONS = 3;

    @Bean
    NewTopic leadEventsTopic() {
        return TopicBuilder.name(LeadEventTopics.LEAD_EVENTS).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic leadEventsDeadLetterTopic() {
        return TopicBuilder.name(LeadEventTopics.LEAD_EVENTS_DLT).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic companyEventsTopic() {
        return TopicBuilder.name(LeadEventTopics.COMPANY_EVENTS).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic companyEventsDeadLetterTopic() {
        return TopicBuilder.name(LeadEventTopics.COMPANY_EVENTS_DLT).partitions(PARTITIONS).replicas(1).build();
    }
}
