package com.calliyo.tokencheck.revocation;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.tokencheck.TokenCheckCore;
import com.calliyo.tokencheck.TokenCheckProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the {@link RevocationFeed} with the process. Import it next to the web stack's token check; it is off with
 * {@code calliyo.token-check.revocation.enabled=false} (slices without a broker), and so is the "kafka" health it
 * contributes.
 */
@Configuration(proxyBeanMethods = false)
@Import(TokenCheckCore.class)
@ConditionalOnProperty(name = "calliyo.token-check.revocation.enabled", matchIfMissing = true)
public class RevocationFeedConfiguration {

    @Bean
    KafkaMessageListenerContainer<String, byte[]> revocationFeedContainer(TokenCheckProperties properties,
                                                                          RevokedAccess revoked,
                                                                          ObjectProvider<JsonMapper> json,
                                                                          ObjectProvider<MeterRegistry> meters,
                                                                          Environment environment) {
        String application = environment.getProperty("spring.application.name", "calliyo");
        // A group of its own per process: each instance must see every revocation.
        String groupId = application + "-revocations-" + UUID.randomUUID();
        Map<String, Object> consumer = KafkaClientSettings.of(environment);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // A revocation should be seen within a few hundred milliseconds of its publication.
        consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

        ContainerProperties container = new ContainerProperties(LeadEventTopics.COMPANY_EVENTS);
        container.setGroupId(groupId);
        // Nothing is ever committed: the next start reads the lookback again, by time.
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setMessageListener(new RevocationFeed(
                new CompanyEventReader(json.getIfAvailable(() -> JsonMapper.builder().build())), revoked,
                properties.revocation().lookback(), Clock.systemUTC()));
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer);
        // its lag on /actuator/prometheus like the listeners' (Boot binds only the factory it builds itself)
        meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
        KafkaMessageListenerContainer<String, byte[]> feed = new KafkaMessageListenerContainer<>(consumers, container);
        feed.setBeanName("revocationFeed");
        return feed;
    }

    /** Health "kafka", part of every service's readiness (see {@link KafkaHealthIndicator}). */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Environment environment) {
        return new KafkaHealthIndicator(KafkaClientSettings.of(environment), Duration.ofSeconds(3));
    }
}
