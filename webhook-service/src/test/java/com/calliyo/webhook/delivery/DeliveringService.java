package com.calliyo.webhook.delivery;

import java.util.UUID;

import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.webhook.SourceEvents;
import com.calliyo.webhook.TestKafka;
import com.calliyo.webhook.WebhookApi;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the delivery ITs (no tests of its own): webhook-service on a random port (each subclass declares its
 * {@code @SpringBootTest} settings and its own database and consumer group), a new company with an admin per test,
 * and a producer that publishes source events as lead- and order-service would.
 */
@ActiveProfiles("test")
abstract class DeliveringService {

    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    String company;
    WebhookApi admin;
    SourceEvents lead;

    @BeforeAll
    static void startProducer() {
        producer = TestKafka.producer();
    }

    @AfterAll
    static void stopProducer() {
        producer.close();
    }

    @BeforeEach
    void aCompany() {
        company = "company-" + UUID.randomUUID();
        admin = new WebhookApi(port, TestTokens.bearer(company, Role.ADMIN));
        lead = new SourceEvents(company);
    }

    static void send(ProducerRecord<String, byte[]> record) {
        TestKafka.send(producer, record);
    }
}
