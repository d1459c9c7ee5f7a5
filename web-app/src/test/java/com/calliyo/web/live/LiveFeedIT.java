package com.calliyo.web.live;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.web.StubGateway;
import com.calliyo.web.live.LiveStream.Event;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates on a real KRaft broker and a real socket: what an open page hears, and what it must not hear (other
 * companies, other agents' leads), and that a session ended elsewhere closes its stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "web.live.feed-enabled=true")
class LiveFeedIT {

    static final Duration SOON = Duration.ofSeconds(10);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StubGateway GATEWAY = new StubGateway();
    static final EmbeddedKafkaKraftBroker BROKER = new EmbeddedKafkaKraftBroker(1, 1,
            LeadEventTopics.LEAD_EVENTS, OrderEventTopics.ORDER_EVENTS, LeadEventTopics.COMPANY_EVENTS);
    static final KafkaProducer<String, byte[]> PRODUCER;

    static {
        BROKER.afterPropertiesSet();
        PRODUCER = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
        registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    }

    @AfterAll
    static void stop() {
        PRODUCER.close();
        BROKER.destroy();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaMessageListenerContainer<String, byte[]> liveFeedContainer;

    final String company = "company-" + UUID.randomUUID();

    @BeforeEach
    void feedIsFollowingEveryTopic() {
        ContainerTestUtils.waitForAssignment(liveFeedContainer, 3);
    }

    @Test
    void shouldTellAManagerOfAConversionWithTheLeadAndTheReportsAMomentLater() throws Exception {
        try (LiveStream page = open("manager-1", "MANAGER", company, "s-1")) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/event-stream");

            converted(company, "lead-1", "agent-7");

            Event leads = page.next(SOON);
            Event customers = page.next(SOON);
            Event reports = page.next(SOON);
            assertThat(List.of(leads.name(), customers.name())).containsExactlyInAnyOrder("leads", "customers");
            Event customer = leads.name().equals("customers") ? leads : customers;
            assertThat(JSON.readTree(customer.data()).get("leadId").asString()).isEqualTo("lead-1");
            assertThat(JSON.readTree(customer.data()).get("customer").asBoolean()).isTrue();
            assertThat(reports.name()).isEqualTo("reports"); // after the settle time, so last
        }
    }

    @Test
    void shouldNotTellAnotherCompanysPagesAnything() throws Exception {
        String other = "company-" + UUID.randomUUID();
        try (LiveStream page = open("admin-2", "ADMIN", other, "s-2")) {
            assertThat(page.status()).isEqualTo(200);

            converted(company, "lead-2", "agent-7");
            assigned(other, "lead-marker", "agent-1", "admin-2");

            Event first = page.next(SOON);
            assertThat(first.name()).isEqualTo("leads");
            assertThat(page.next(SOON).name()).isEqualTo("reports"); // the marker's, and no customers signal
            assertThat(page.next(Duration.ofMillis(800))).isNull();
        }
    }

    @Test
    void shouldTellAnAgentOnlyOfTheirOwnLeads() throws Exception {
        try (LiveStream page = open("agent-1", "AGENT", company, "s-3")) {
            assertThat(page.status()).isEqualTo(200);

            converted(company, "lead-3", "agent-9"); // another agent's lead and conversion
            assigned(company, "lead-4", "agent-1", "manager-1");

            assertThat(page.next(SOON).name()).isEqualTo("leads");
            assertThat(page.next(SOON).name()).isEqualTo("reports");
            assertThat(page.next(Duration.ofMillis(800))).isNull(); // nothing about agent-9's customer
        }
    }

    @Test
    void shouldEndTheStreamOfASessionEndedElsewhereAndKeepOthersOpen() throws Exception {
        try (LiveStream ended = open("admin-3", "ADMIN", company, "s-ended");
             LiveStream other = open("admin-3", "ADMIN", company, "s-other")) {
            assertThat(ended.status()).isEqualTo(200);
            assertThat(other.status()).isEqualTo(200);

            send(LeadEventTopics.COMPANY_EVENTS, company, LeadEventType.SESSION_ENDED,
                    new SessionEnded(company, "admin-3", "s-ended", Instant.now(), "admin-3", SessionEnded.LOGOUT));
            assigned(company, "lead-5", "agent-1", "manager-1");

            assertThat(ended.next(SOON).name()).isEqualTo("signed-out");
            assertThat(ended.next(SOON).name()).isEqualTo(LiveStream.END);
            assertThat(other.next(SOON).name()).isEqualTo("leads");
        }
    }

    @Test
    void shouldSkipARecordItCannotReadAndGoOn() throws Exception {
        try (LiveStream page = open("admin-4", "ADMIN", company, "s-4")) {
            assertThat(page.status()).isEqualTo(200);

            PRODUCER.send(new ProducerRecord<>(LeadEventTopics.LEAD_EVENTS, "lead-x",
                    "not a cloud event".getBytes())).get();
            assigned(company, "lead-6", "agent-1", "manager-1");

            assertThat(page.next(SOON).name()).isEqualTo("leads");
        }
    }

    @Test
    void shouldSendAPageWithoutASessionToSignInRatherThanOpenAStream() throws Exception {
        try (LiveStream page = new LiveStream("http://127.0.0.1:" + port, "not-a-token")) {
            assertThat(page.status()).isEqualTo(302);
        }
    }

    LiveStream open(String userId, String role, String companyId, String sessionId) {
        return new LiveStream("http://127.0.0.1:" + port,
                GATEWAY.accessToken(userId, role, companyId, sessionId, Instant.now().plusSeconds(900)));
    }

    static LeadSnapshot lead(String assignedTo, Instant convertedAt, String convertedBy) {
        StatusRef status = convertedAt == null ? new StatusRef("s-assigned", "Assigned", StatusKind.OTHER)
                : new StatusRef("s-customer", "Customer", StatusKind.CUSTOMER);
        return new LeadSnapshot("Ravi", "Rao", "+919876543210", null, List.of(), status, assignedTo, "webform",
                null, Instant.now(), convertedAt, convertedBy);
    }

    static void converted(String companyId, String leadId, String agent) throws Exception {
        Instant now = Instant.now();
        send(LeadEventTopics.LEAD_EVENTS, leadId, LeadEventType.CONVERTED, new LeadConverted(companyId, leadId, 3,
                now, agent, lead(agent, now, agent), now, agent, List.of(), false, 0));
    }

    static void assigned(String companyId, String leadId, String agent, String actor) throws Exception {
        send(LeadEventTopics.LEAD_EVENTS, leadId, LeadEventType.ASSIGNED, new LeadAssigned(companyId, leadId, 2,
                Instant.now(), actor, lead(agent, null, null), null, agent));
    }

    static void send(String topic, String key, LeadEventType type, Object data) throws Exception {
        var event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type.type())
                .withSource(URI.create(LeadEventTopics.SOURCE)).withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataSchema(type.dataSchema()).withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data)).build();
        PRODUCER.send(KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event)).get();
    }
}
