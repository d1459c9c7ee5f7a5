package com.calliyo.web.live;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.tokencheck.revocation.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates: the open pages ({@link LiveSubscribers}), the ticker that sends their signals, and the Kafka feed.
 * Every instance reads every partition of the three topics in a consumer group of its own, from the newest record
 * (a page that was not open has nothing to catch up on), and commits nothing.
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveSubscribers liveSubscribers(LiveProperties properties, MeterRegistry meters) {
        return new LiveSubscribers(properties, meters, Clock.systemUTC());
    }

    @Bean
    LiveTicker liveTicker(LiveSubscribers subscribers, LiveProperties properties) {
        return new LiveTicker(subscribers, properties.tick());
    }

    @Bean
    KafkaMessageListenerContainer<String, byte[]> liveFeedContainer(LiveSubscribers subscribers,
                                                                    LiveProperties properties,
                                                                    ObjectProvider<JsonMapper> json,
                                                                    MeterRegistry meters,
                                                                    Environment environment) {
        String groupId = environment.getProperty("spring.application.name", "web-app") + "-live-"
                + UUID.randomUUID();
        // address and sign-in as every client of the process (SASL in compose)
        Map<String, Object> consumer = KafkaClientSettings.of(environment);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // A page should hear of a change within a tick or two of its publication.
        consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);

        ContainerProperties container = new ContainerProperties(LeadEventTopics.LEAD_EVENTS,
                OrderEventTopics.ORDER_EVENTS, LeadEventTopics.COMPANY_EVENTS);
        container.setGroupId(groupId);
        container.setAckMode(ContainerProperties.AckMode.MANUAL); // nothing is ever committed
        container.setMessageListener(new LiveFeed(subscribers,
                json.getIfAvailable(() -> JsonMapper.builder().build())));
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer);
        // its lag on /actuator/prometheus (Boot binds only the consumer factory it builds itself)
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        KafkaMessageListenerContainer<String, byte[]> feed = new KafkaMessageListenerContainer<>(consumers, container);
        feed.setBeanName("liveFeed");
        feed.setAutoStartup(properties.feedEnabled());
        return feed;
    }
}
