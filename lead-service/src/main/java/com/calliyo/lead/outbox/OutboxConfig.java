package com.calliyo.lead.outbox;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** One publisher per collection that carries an outbox; {@link OutboxRelay} drains them all. */
@Configuration(proxyBeanMethods = false)
class OutboxConfig {

    @Bean
    OutboxPublisher leadOutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                        OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, properties, OutboxStream.LEADS, clock, meters);
    }

    @Bean
    OutboxPublisher pipelineOutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, properties, OutboxStream.PIPELINES, clock, meters);
    }

    @Bean
    OutboxPublisher companyOutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                           OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, properties, OutboxStream.COMPANIES, clock, meters);
    }

    @Bean
    OutboxPublisher userOutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                        OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, properties, OutboxStream.USERS, clock, meters);
    }

    @Bean
    OutboxPublisher sessionOutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                           OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, properties, OutboxStream.SESSIONS, clock, meters);
    }

    @Bean
    OutboxPublisher attendanceOutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                              OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxPublisher(mongo, kafka, properties, OutboxStream.ATTENDANCE, clock, meters);
    }
}
