package com.calliyo.tokencheck.revocation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.UserChanged;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed on a real KRaft broker: a starting process learns the revocations of the lookback and none older, follows
 * new ones within moments, skips a record it cannot read, and every instance sees every revocation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationFeedIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COMPANY = "company-" + UUID.randomUUID();
    static final String BANNED = "User is banned / inactive";
    static EmbeddedKafkaKraftBroker broker;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, LeadEventTopics.COMPANY_EVENTS);
        broker.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.destroy();
    }

    ApplicationContextRunner process() {
        return new ApplicationContextRunner()
                .withUserConfiguration(RevocationFeedConfiguration.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.application.name=feed-test");
    }

    /** First: the log must hold its records in time order, as lead-service writes them, for a seek by time. */
    @Test
    @Order(1)
    void shouldLearnTheLookbackAtStartAndNothingOlder() throws Exception {
        String bannedLongAgo = "user-" + UUID.randomUUID();
        String signedOutRecently = "session-" + UUID.randomUUID();
        send(userChanged(bannedLongAgo, 1, true), Instant.now().minus(Duration.ofMinutes(40)));
        send(new SessionEnded(COMPANY, "user-1", signedOutRecently, Instant.now().minus(Duration.ofMinutes(5)),
                "user-1", SessionEnded.LOGOUT), Instant.now().minus(Duration.ofMinutes(5)));

        process().run(context -> {
            RevokedAccess revoked = context.getBean(RevokedAccess.class);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(revoked.reasonToRefuse(COMPANY, "user-1", Instant.now(), signedOutRecently))
                            .isPresent());
            assertThat(revoked.reasonToRefuse(COMPANY, bannedLongAgo, Instant.now(), null)).isEmpty();
        });
    }

    @Test
    @Order(2)
    void shouldFollowNewRevocationsInEveryInstanceAndSkipUnreadableRecords() throws Exception {
        process().run(first -> process().run(second -> {
            RevokedAccess one = first.getBean(RevokedAccess.class);
            RevokedAccess two = second.getBean(RevokedAccess.class);
            // Both are caught up once a marker sent now has reached them.
            String marker = "session-" + UUID.randomUUID();
            send(new SessionEnded(COMPANY, "user-m", marker, Instant.now(), "user-m", SessionEnded.REVOKED),
                    Instant.now());
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    one.reasonToRefuse(COMPANY, "user-m", Instant.now(), marker).isPresent()
                            && two.reasonToRefuse(COMPANY, "user-m", Instant.now(), marker).isPresent());

            String banned = "user-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(LeadEventTopics.COMPANY_EVENTS, COMPANY,
                    "not a cloud event".getBytes())).get();
            send(userChanged(banned, 7, true), Instant.now());

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(one.reasonToRefuse(COMPANY, banned, Instant.now(), null)).contains(BANNED);
                assertThat(two.reasonToRefuse(COMPANY, banned, Instant.now(), null)).contains(BANNED);
            });
        }));
    }

    static UserChanged userChanged(String userId, long version, boolean banned) {
        return new UserChanged(COMPANY, userId, version, Instant.now(), "admin", "Someone", "AGENT", banned,
                Instant.now());
    }

    static void send(CompanyEvent event, Instant timestamp) throws Exception {
        LeadEventType type = event instanceof UserChanged ? LeadEventType.USER_CHANGED : LeadEventType.SESSION_ENDED;
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type.type())
                .withSource(URI.create(LeadEventTopics.SOURCE))
                .withTime(timestamp.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(event))
                .build();
        ProducerRecord<String, byte[]> written = KafkaMessageFactory.<String>createWriter(
                LeadEventTopics.COMPANY_EVENTS, COMPANY).writeBinary(cloudEvent);
        producer.send(new ProducerRecord<>(written.topic(), null, timestamp.toEpochMilli(), written.key(),
                written.value(), written.headers())).get();
    }
}
