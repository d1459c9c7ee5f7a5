package com.calliyo.order.messaging;

import java.util.List;

import com.calliyo.consumers.BatchApplyTiming;
import com.calliyo.consumers.BatchFailures;
import com.calliyo.consumers.RecordApplyTiming;
import com.calliyo.lead.events.LeadEventDecodingException;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.order.OrderServiceProperties;
import com.calliyo.storeoutage.ListenerStoreWait;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A failing record is retried a bounded number of times, then published with its original bytes and headers, plus
 * Spring's exception headers, to {@code <topic>-dlt} (keyed as the original); the partition keeps flowing. Records
 * that cannot be decoded skip the retries.
 */
@Configuration(proxyBeanMethods = false)
@Import({BatchApplyTiming.class, RecordApplyTiming.class})
class KafkaErrorHandlingConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandlingConfig.class);
    /** Let the producer pick by key: the DLT is lead-service's to declare, so its partition count is not ours. */
    private static final int ANY_PARTITION = -1;
    static final String DEAD_LETTERS = "calliyo.kafka.dead.letters";

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, OrderServiceProperties properties,
                                          MeterRegistry meters,
                                          ListenerStoreWait storeWait) {
        // registered up front so a dashboard or an alert sees 0, not a missing series, before the first one
        for (String topic : List.of(LeadEventTopics.LEAD_EVENTS, LeadEventTopics.COMPANY_EVENTS)) {
            deadLetters(meters, topic);
        }
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(record.topic() + "-dlt", ANY_PARTITION));
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            Exception exception = BatchFailures.unwrap(failure);
            log.warn("Sending {}-{}@{} (key {}) to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), NestedExceptionUtils.getMostSpecificCause(exception).toString());
            toDeadLetters.accept(record, exception);
            deadLetters(meters, record.topic()).increment();
        };
        OrderServiceProperties.Listener listener = properties.listener();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(listener.retryBackoff().toMillis(), listener.maxRetries()));
        handler.addNotRetryableExceptions(LeadEventDecodingException.class);
        // a record that failed only because MongoDB is down waits for it instead of going to the DLT
        return storeWait.applyTo(handler);
    }

    /** Records sent to {@code <topic>-dlt}, tagged by the topic they came from. */
    private static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder(DEAD_LETTERS).description("Records given up on and sent to the dead-letter topic")
                .tag("topic", topic).register(meters);
    }
}
