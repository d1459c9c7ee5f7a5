package com.calliyo.order.orders;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.LeadEventsMother;
import com.calliyo.order.StubLeadService;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.company.CompanySettingsStore;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.events.OrderEventType;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static com.calliyo.order.LeadEventsMother.aCompany;
import static com.calliyo.order.LeadEventsMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service over real HTTP, on the real broker and store: lead and company events go in through Kafka, orders
 * through the API, and order events come out on {@code crm.order.events}, checked against the published schemas.
 * lead-service is a stub on a real socket. Company KA (29) has GSTIN 29ABCDE1234F1ZW.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrderApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String COMPANY_GSTIN = "29ABCDE1234F1ZW";
    private static final String MAHARASHTRA_CUSTOMER = "27AAPFU0939F1ZV";
    private static final StubLeadService LEAD_SERVICE = StubLeadService.start(0);
    private static KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Autowired
    CompanySettingsStore companySettings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    OrderTestClient api;
    String company;
    String admin;
    LeadEventsMother lead;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "orders");
        registry.add("order.lead-service.url", LEAD_SERVICE::url);
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        LEAD_SERVICE.stop();
    }

    @BeforeEach
    void aCompanyWithALead() {
        api = new OrderTestClient(port);
        company = aCompany();
        admin = TestTokens.bearer(company, Role.ADMIN);
        settings(1, true, COMPANY_GSTIN);
        lead = aLead(company);
        publish(LeadEventsMother.record(lead.captured()));
        awaitLeadKnown(lead.leadId());
    }

    @Test
    void shouldCreateAnIntraStateOrderCarvingOutTheTaxAndPublishIt() {
        OrderTestClient.Answer created = api.post("/api/orders", admin, """
                {"leadId":"%s","plan":"Premium","amount":11800,"amountIncludesTax":true,"paymentStatus":"PENDING",
                 "gst":{"rate":18}}""".formatted(lead.leadId()), null);

        assertThat(created.status()).isEqualTo(201);
        JsonNode order = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/orders/" + order.get("id").asString());
        assertThat(order.get("currency").asString()).isEqualTo("INR");
        assertThat(order.get("amount").asString()).isEqualTo("11800.00");
        assertThat(order.get("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(order.get("amountPaid").isNull()).isTrue();
        assertThat(order.get("version").asLong()).isEqualTo(1);
        assertThat(order.get("taxBreakdown").toString()).isEqualTo("""
                {"taxableValue":"10000.00","cgst":"900.00","sgst":"900.00","igst":"0.00","total":"11800.00",\
                "rate":"18","placeOfSupply":"29"}""");

        ConsumerRecord<String, byte[]> event = awaitOrderEvent(lead.leadId(), "com.calliyo.order.created", 1);
        assertThat(header(event, "ce_subject")).isEqualTo(order.get("id").asString());
        assertThat(header(event, "ce_source")).isEqualTo(OrderEventTopics.SOURCE);
        assertThat(header(event, "ce_dataschema")).isEqualTo(OrderEventType.ORDER_CREATED.dataSchema().toString());
        assertValid(OrderEventType.ORDER_CREATED, event);
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.get("companyId").asString()).isEqualTo(company);
        assertThat(data.get("order").get("taxBreakdown")).isEqualTo(order.get("taxBreakdown"));
    }

    @Test
    void shouldChargeIgstForACustomerInAnotherStateUnlessThePlaceOfSupplyIsGiven() {
        JsonNode interState = createOk("""
                {"leadId":"%s","plan":"Basic","amount":"100.00","paymentStatus":"PENDING",
                 "gst":{"rate":18,"customerGstin":"%s"}}""".formatted(lead.leadId(), MAHARASHTRA_CUSTOMER));
        JsonNode placeGiven = createOk("""
                {"leadId":"%s","plan":"Basic","amount":"100.00","paymentStatus":"PENDING",
                 "gst":{"rate":18,"customerGstin":"%s","placeOfSupply":"29"}}"""
                .formatted(lead.leadId(), MAHARASHTRA_CUSTOMER));

        assertThat(interState.get("taxBreakdown").toString()).isEqualTo("""
                {"taxableValue":"100.00","cgst":"0.00","sgst":"0.00","igst":"18.00","total":"118.00",\
                "rate":"18","placeOfSupply":"27"}""");
        assertThat(interState.get("customerGstin").asString()).isEqualTo(MAHARASHTRA_CUSTOMER);
        assertThat(placeGiven.get("taxBreakdown").get("cgst").asString()).isEqualTo("9.00");
        assertThat(placeGiven.get("taxBreakdown").get("placeOfSupply").asString()).isEqualTo("29");
    }

    @Test
    void shouldPreviewTheTaxOfAnOrderWithoutStoringIt() {
        int ordersBefore = api.get("/api/orders", admin).json().get("total").asInt();

        OrderTestClient.Answer inclusive = api.post("/api/orders/tax-preview", admin, """
                {"amount":"11800.00","amountIncludesTax":true,"gst":{"rate":18}}""", null);
        OrderTestClient.Answer interState = api.post("/api/orders/tax-preview", admin, """
                {"amount":"100","gst":{"rate":18,"customerGstin":"%s"}}""".formatted(MAHARASHTRA_CUSTOMER), null);

        assertThat(inclusive.status()).as(inclusive.raw().body()).isEqualTo(200);
        assertThat(inclusive.json().get("amount").asString()).isEqualTo("11800.00");
        assertThat(inclusive.json().get("taxBreakdown").toString()).isEqualTo("""
                {"taxableValue":"10000.00","cgst":"900.00","sgst":"900.00","igst":"0.00","total":"11800.00",\
                "rate":"18","placeOfSupply":"29"}""");
        assertThat(interState.json().get("taxBreakdown").get("igst").asString()).isEqualTo("18.00");
        assertProblem(api.post("/api/orders/tax-preview", admin, "{\"amount\":100,\"gst\":{\"rate\":12}}", null),
                422, "gst.rate");
        assertProblem(api.post("/api/orders/tax-preview", admin, "{\"amount\":-1}", null), 422, "amount");
        assertProblem(api.post("/api/orders/tax-preview", admin, "{}", null), 400, "amount");
        assertThat(api.get("/api/orders", admin).json().get("total").asInt()).as("nothing stored")
                .isEqualTo(ordersBefore);
    }

    @Test
    void shouldAnswerAMultipartOrFormBodyAsAnUnsupportedContentTypeNotA500() {
        for (String contentType : new String[] {"multipart/form-data", "application/x-www-form-urlencoded"}) {
            OrderTestClient.Answer answer = api.postAs(contentType, "/api/orders", admin,
                    "{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":5}".formatted(lead.leadId()));

            assertThat(answer.status()).as(contentType + ": " + answer.raw().body()).isEqualTo(415);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldNameTheFieldOfEveryRefusedValue() {
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":10.005,\"paymentStatus\":\"PENDING\"}"),
                422, "amount");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":0,\"paymentStatus\":\"PENDING\"}"),
                422, "amount");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"paymentStatus\":\"PENDING\"}"), 400, "amount");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"LATER\"}"),
                400, "paymentStatus");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\","
                + "\"gst\":{\"rate\":12}}"), 422, "gst.rate");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\","
                + "\"gst\":{\"rate\":18,\"customerGstin\":\"29ABCDE1234F1Z5\"}}"), 422, "gst.customerGstin");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\","
                + "\"gst\":{\"rate\":18,\"placeOfSupply\":\"39\"}}"), 422, "gst.placeOfSupply");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":100,\"paymentStatus\":\"PARTIALLY_PAID\","
                + "\"amountPaid\":100}"), 422, "amountPaid");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":100,\"paymentStatus\":\"REFUNDED\"}"),
                422, "paymentStatus");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\","
                + "\"gst\":{\"rate\":1E+99999999}}"), 422, "gst.rate");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1E+99999999,"
                + "\"paymentStatus\":\"PENDING\"}"), 422, "amount");
        assertProblem(api.post("/api/orders", admin, "{\"leadId\":\"" + "l".repeat(101) + "\",\"plan\":\"P\","
                + "\"amount\":1,\"paymentStatus\":\"PENDING\"}", null), 400, "leadId");
        OrderTestClient.Answer invalidGstin = create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,"
                + "\"paymentStatus\":\"PENDING\",\"gst\":{\"rate\":18,\"customerGstin\":\"99ABCDE1234F1ZW\"}}");
        assertThat(invalidGstin.json().get("detail").asString())
                .isEqualTo("gst.customerGstin has state code 99, which is not between 01 and 38");
    }

    @Test
    void shouldRefuseGstUntilTheCompanyHasAGstinButAllowZeroRate() {
        settings(2, true, null);
        await().atMost(PATIENCE).until(() -> companySettings.find(company).gstin() == null);

        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\","
                + "\"gst\":{\"rate\":18}}"), 422, "gst.rate");
        JsonNode noGst = createOk("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PAID\"}"
                .formatted(lead.leadId()));
        assertThat(noGst.get("taxBreakdown").get("rate").asString()).isEqualTo("0");
        assertThat(noGst.get("taxBreakdown").get("placeOfSupply").isNull()).isTrue();
        assertThat(noGst.get("amountPaid").asString()).isEqualTo("1.00");
    }

    @Test
    void shouldRefuseOrdersWhileTheOrderModuleIsOffAndIgnoreAnOlderSettingsEvent() {
        settings(3, false, COMPANY_GSTIN);
        settings(2, true, COMPANY_GSTIN); // older, arrives late: changes nothing
        settings(3, true, COMPANY_GSTIN); // a duplicate version with other content: changes nothing either
        awaitSettingsApplied();

        OrderTestClient.Answer refused = create(
                "{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("Order module is switched off");

        settings(4, true, COMPANY_GSTIN);
        await().atMost(PATIENCE).until(() -> companySettings.find(company).orderModuleEnabled());
        assertThat(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\"}").status())
                .isEqualTo(201);
    }

    @Test
    void shouldHideLeadsAndOrdersOfOtherCompaniesAndOtherAgents() {
        String orderId = createOk("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}"
                .formatted(lead.leadId())).get("id").asString();
        String stranger = TestTokens.bearer(aCompany(), Role.ADMIN);
        String otherAgent = TestTokens.bearer(company, "agent-other", Role.AGENT);
        String assignedAgent = TestTokens.bearer(company, LeadEventsMother.AGENT, Role.AGENT);

        assertThat(api.get("/api/orders/" + orderId, stranger).status()).isEqualTo(404);
        assertThat(api.patch("/api/orders/" + orderId, stranger, "{\"paymentStatus\":\"PAID\"}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/orders/" + orderId, otherAgent).status()).isEqualTo(404);
        assertThat(api.get("/api/orders?leadId=" + lead.leadId(), otherAgent).status()).isEqualTo(404);
        assertThat(api.get("/api/orders", otherAgent).json().get("total").asLong()).isZero();
        assertThat(api.post("/api/orders", stranger, "{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":5,"
                .formatted(lead.leadId()) + "\"paymentStatus\":\"PENDING\"}", null).status()).isEqualTo(404);
        assertThat(api.get("/api/orders/" + orderId, assignedAgent).status()).isEqualTo(200);
        JsonNode page = api.get("/api/orders?leadId=" + lead.leadId(), admin).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(orderId);
    }

    @Test
    void shouldAskLeadServiceAboutALeadItsEventsHaveNotBroughtYet() {
        String unseen = "lead-" + UUID.randomUUID();
        LEAD_SERVICE.knows(unseen, admin);
        String body = "{\"leadId\":\"" + unseen + "\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}";

        assertThat(api.post("/api/orders", admin, body, null).status()).isEqualTo(201);
        String otherAdmin = TestTokens.bearer(company, Role.ADMIN); // lead-service shows this lead to admin only
        assertThat(api.post("/api/orders", otherAdmin, body, null).status()).isEqualTo(404);
        assertThat(api.post("/api/orders", admin, body.replace(unseen, "lead-nobody"), null).status())
                .isEqualTo(404);
    }

    private List<Double> paymentChanges() {
        return List.of("partially_paid", "paid", "refunded").stream()
                .map(to -> meters.get(OrderMetrics.PAYMENT_CHANGES).tag("to", to).counter().count()).toList();
    }

    @Test
    void shouldMovePaymentThroughItsTransitionsAndRefuseIllegalOnes() {
        double created = meters.get(OrderMetrics.PLACED).tag("payment_status", "pending").counter().count();
        double booked = meters.get(OrderMetrics.BOOKED).counter().count();
        List<Double> changes = paymentChanges();
        String orderId = createOk("""
                {"leadId":"%s","plan":"P","amount":1000,"paymentStatus":"PENDING","gst":{"rate":18}}"""
                .formatted(lead.leadId())).get("id").asString();
        String path = "/api/orders/" + orderId;
        // The same status again changes nothing (a new order has no amount paid: this was a 500).
        OrderTestClient.Answer unchanged = api.patch(path, admin, "{\"paymentStatus\":\"PENDING\"}");
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().get("version").asLong()).isEqualTo(1);
        assertThat(unchanged.json().get("nextPaymentStatuses").toString())
                .isEqualTo("[\"PARTIALLY_PAID\",\"PAID\",\"FAILED\"]");

        JsonNode partial = api.patch(path, admin, "{\"paymentStatus\":\"PARTIALLY_PAID\",\"amountPaid\":500}").json();
        assertThat(partial.get("amountPaid").asString()).isEqualTo("500.00");
        assertThat(partial.get("version").asLong()).isEqualTo(2);
        assertProblem(api.patch(path, admin, "{\"amountPaid\":400}"), 422, "amountPaid");
        assertThat(api.patch(path, admin, "{\"amountPaid\":700.5}").json().get("amountPaid").asString())
                .isEqualTo("700.50");
        assertProblem(api.patch(path, admin, "{\"paymentStatus\":\"PARTIALLY_PAID\",\"amountPaid\":1180}"),
                422, "amountPaid");
        JsonNode paid = api.patch(path, admin, "{\"paymentStatus\":\"PAID\"}").json();
        assertThat(paid.get("amountPaid").asString()).isEqualTo("1180.00");
        assertThat(paid.get("version").asLong()).isEqualTo(4);
        assertThat(api.patch(path, admin, "{\"paymentStatus\":\"PAID\"}").json().get("version").asLong())
                .isEqualTo(4);

        OrderTestClient.Answer illegal = api.patch(path, admin, "{\"paymentStatus\":\"PENDING\"}");
        assertProblem(illegal, 409, "paymentStatus");
        assertThat(illegal.json().get("from").asString()).isEqualTo("PAID");
        assertThat(illegal.json().get("to").asString()).isEqualTo("PENDING");
        JsonNode refundedOrder = api.patch(path, admin, "{\"paymentStatus\":\"REFUNDED\"}").json();
        assertThat(refundedOrder.get("nextPaymentStatuses").isEmpty()).as("REFUNDED is final").isTrue();
        assertThat(refundedOrder.get("paymentStatus").asString()).isEqualTo("REFUNDED");
        assertProblem(api.patch(path, admin, "{\"paymentStatus\":\"PAID\"}"), 409, "paymentStatus");
        assertThat(meters.get(OrderMetrics.PLACED).tag("payment_status", "pending").counter().count())
                .isEqualTo(created + 1);
        assertThat(meters.get(OrderMetrics.BOOKED).counter().count()).as("rupees, tax included")
                .isEqualTo(booked + 1180);
        assertThat(paymentChanges()).as("to partially paid, paid, refunded; an amount alone is no status change")
                .containsExactly(changes.get(0) + 1, changes.get(1) + 1, changes.get(2) + 1);

        ConsumerRecord<String, byte[]> updated = awaitOrderEvent(lead.leadId(), "com.calliyo.order.updated", 3);
        assertValid(OrderEventType.ORDER_UPDATED, updated);
        ConsumerRecord<String, byte[]> refunded = awaitOrderEvent(lead.leadId(),
                "com.calliyo.order.payment_status_changed", 5);
        assertValid(OrderEventType.ORDER_PAYMENT_STATUS_CHANGED, refunded);
        JsonNode data = JSON.readTree(refunded.value());
        assertThat(data.get("from").asString()).isEqualTo("PAID");
        assertThat(data.get("to").asString()).isEqualTo("REFUNDED");
        assertThat(data.get("order").get("amountPaid").asString()).isEqualTo("1180.00");
    }

    @Test
    void shouldTagAnOrderWithItsVersionAndRefuseALostUpdateWith412() {
        String orderId = createOk("""
                {"leadId":"%s","plan":"P","amount":1000,"paymentStatus":"PENDING","gst":{"rate":18}}"""
                .formatted(lead.leadId())).get("id").asString();
        String path = "/api/orders/" + orderId;
        OrderTestClient.Answer read = api.get(path, admin);
        String listPath = "/api/orders?leadId=" + lead.leadId();
        String listTag = api.get(listPath, admin).header("ETag");
        OrderTestClient.Answer unchanged = api.getIfNoneMatch(path, admin, read.header("ETag"));

        OrderTestClient.Answer phoneA = api.patchIfMatch(path, admin, "{\"paymentStatus\":\"PARTIALLY_PAID\","
                + "\"amountPaid\":500}", read.header("ETag"));
        OrderTestClient.Answer phoneB = api.patchIfMatch(path, admin, "{\"paymentStatus\":\"FAILED\"}",
                read.header("ETag"));

        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(phoneA.status()).isEqualTo(200);
        assertThat(phoneA.header("ETag")).isEqualTo("\"2\"");
        assertProblem(phoneB, 412, "If-Match");
        assertThat(phoneB.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(api.get(path, admin).json().get("paymentStatus").asString()).isEqualTo("PARTIALLY_PAID");
        assertProblem(api.patchIfMatch(path, admin, "{\"paymentStatus\":\"PAID\"}", "2"), 412, "If-Match");
        assertThat(api.getIfNoneMatch(path, admin, read.header("ETag")).status()).isEqualTo(200);
        assertThat(api.getIfNoneMatch(listPath, admin, listTag).status()).as("the list changed with the order")
                .isEqualTo(200);
        String newListTag = api.get(listPath, admin).header("ETag");
        assertThat(api.getIfNoneMatch(listPath, admin, newListTag).status()).isEqualTo(304);
        assertThat(api.patchIfMatch(path, admin, "{\"paymentStatus\":\"PAID\"}", phoneA.header("ETag")).status())
                .isEqualTo(200);
    }

    @Test
    void shouldReplayTheFirstOrderForARepeatedIdempotencyKey() {
        String body = "{\"leadId\":\"" + lead.leadId() + "\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}";
        OrderTestClient.Answer first = api.post("/api/orders", admin, body, "key-1");
        OrderTestClient.Answer again = api.post("/api/orders", admin, body, "key-1");
        OrderTestClient.Answer otherBody = api.post("/api/orders", admin, body.replace("\"P\"", "\"Q\""), "key-1");
        String otherCompanyAdmin = TestTokens.bearer(aCompany(), Role.ADMIN);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw().body()).isEqualTo(first.raw().body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(otherBody, 409, "Idempotency-Key");
        assertThat(api.get("/api/orders?leadId=" + lead.leadId(), admin).json().get("total").asLong()).isEqualTo(1);
        // keys are per company: the same key elsewhere is another request (here: a lead that company cannot see)
        assertThat(api.post("/api/orders", otherCompanyAdmin, body, "key-1").status()).isEqualTo(404);
    }

    @Test
    void shouldCreateOneOrderWhenTheSameKeyArrivesConcurrently() throws Exception {
        String body = "{\"leadId\":\"" + lead.leadId() + "\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<OrderTestClient.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> api.post("/api/orders", admin, body, "key-race")));
            }
            for (var answer : answers) {
                assertThat(answer.get(20, TimeUnit.SECONDS).status()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/api/orders?leadId=" + lead.leadId(), admin).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.post("/api/orders", admin, body, "key-race").status()).isEqualTo(201);
    }

    @Test
    void shouldPublishEventsLeftInAnOrderOnTheNextSweep() {
        String orderId = createOk("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}"
                .formatted(lead.leadId())).get("id").asString();
        ConsumerRecord<String, byte[]> first = awaitOrderEvent(lead.leadId(), "com.calliyo.order.created", 1);
        String leftBehind = "event-" + UUID.randomUUID();
        // as if the instance crashed after writing the order and before its relay ran: nobody wakes the relay
        mongo.getCollection("orders").updateOne(new org.bson.Document("_id", orderId),
                com.mongodb.client.model.Updates.push("pendingEvents", new org.bson.Document("id", leftBehind)
                        .append("type", "com.calliyo.order.created").append("key", lead.leadId())
                        .append("subject", orderId).append("occurredAt", new java.util.Date())
                        .append("payload", new String(first.value(), StandardCharsets.UTF_8))));

        await().atMost(PATIENCE).until(() -> idsOnTopic(lead.leadId()).contains(leftBehind));
        await().atMost(PATIENCE).until(() -> mongo.getCollection("orders")
                .find(new org.bson.Document("_id", orderId)).first()
                .getList("pendingEvents", org.bson.Document.class).isEmpty());
    }

    @Test
    void shouldLetAnAdminChangeTheAllowedRates() {
        assertThat(api.get("/api/orders/settings", admin).json().toString()).isEqualTo(
                "{\"gstRates\":[\"0\",\"5\",\"18\",\"40\"],\"orderModuleEnabled\":true,\"companyGstin\":\""
                        + COMPANY_GSTIN + "\"}");
        String agent = TestTokens.bearer(company, LeadEventsMother.AGENT, Role.AGENT);
        assertThat(api.put("/api/orders/settings", agent, "{\"gstRates\":[12]}").status()).isEqualTo(403);
        assertProblem(api.put("/api/orders/settings", admin, "{\"gstRates\":[100]}"), 400, "gstRates");

        JsonNode changed = api.put("/api/orders/settings", admin, "{\"gstRates\":[12, 0, 3.50, 12.0]}").json();

        assertThat(changed.get("gstRates").toString()).isEqualTo("[\"0\",\"3.5\",\"12\"]");
        assertThat(createOk("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":100,\"paymentStatus\":\"PENDING\","
                .formatted(lead.leadId()) + "\"gst\":{\"rate\":12}}").get("taxBreakdown").get("sgst").asString())
                .isEqualTo("6.00");
        assertProblem(create("{\"leadId\":\"%s\",\"plan\":\"P\",\"amount\":1,\"paymentStatus\":\"PENDING\","
                + "\"gst\":{\"rate\":18}}"), 422, "gst.rate");
    }

    @Test
    void shouldSendAnUnreadableCompanyEventToTheDeadLetterTopicAndKeepConsuming() {
        String poisonCompany = aCompany();
        ProducerRecord<String, byte[]> poison = LeadEventsMother.companyRecord(poisonCompany,
                "com.calliyo.company.settings_changed", "{\"companyId\":".getBytes(StandardCharsets.UTF_8));
        publish(poison);
        settings(7, false, COMPANY_GSTIN);

        await().atMost(PATIENCE).until(() -> !companySettings.find(company).orderModuleEnabled());
        ConsumerRecord<String, byte[]> dead = awaitRecord(LeadEventTopics.COMPANY_EVENTS_DLT, poisonCompany, null, 0);
        assertThat(dead.value()).isEqualTo(poison.value());
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(LeadEventTopics.COMPANY_EVENTS);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo("com.calliyo.lead.events.LeadEventDecodingException");
    }

    // --- helpers ---

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private OrderTestClient.Answer create(String template) {
        return api.post("/api/orders", admin, template.formatted(lead.leadId()), null);
    }

    private JsonNode createOk(String body) {
        OrderTestClient.Answer answer = api.post("/api/orders", admin, body, null);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    private static void assertProblem(OrderTestClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).as(answer.raw().body()).isNotNull();
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    }

    private void settings(long version, boolean orderModuleEnabled, String gstin) {
        publish(LeadEventsMother.settingsChanged(company, version, orderModuleEnabled, gstin));
        if (version == 1) {
            await().atMost(PATIENCE).until(() -> companySettings.find(company).settingsVersion() == 1);
        }
    }

    /** Company events of one company share a partition: a later marker on it proves the earlier ones applied. */
    private void awaitSettingsApplied() {
        String marker = aCompany();
        publish(LeadEventsMother.settingsChanged(marker, 1, true, null));
        await().atMost(PATIENCE).until(() -> companySettings.find(marker).settingsVersion() == 1);
    }

    private void awaitLeadKnown(String leadId) {
        await().atMost(PATIENCE).until(() -> api.get("/api/orders?leadId=" + leadId, admin).status() == 200);
    }

    private static void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, byte[]> awaitOrderEvent(String leadId, String type, long version) {
        return awaitRecord(OrderEventTopics.ORDER_EVENTS, leadId, type, version);
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, String type, long version) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                partitions.clear();
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                return !partitions.isEmpty();
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && (type == null || type.equals(header(r, "ce_type"))
                            && JSON.readTree(r.value()).get("orderVersion").asLong() == version)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static List<String> idsOnTopic(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OrderEventTopics.ORDER_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> ids = new ArrayList<>();
            for (int poll = 0; poll < 5; poll++) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        ids.add(header(r, "ce_id"));
                    }
                });
            }
            return ids;
        }
    }

    private static void assertValid(OrderEventType type, ConsumerRecord<String, byte[]> record) {
        String file = "contracts/order-events/" + type.dataClass().getSimpleName() + ".v1.schema.json";
        try (InputStream schemaText = OrderApiIT.class.getClassLoader().getResourceAsStream(file)) {
            JsonSchema schema = SCHEMAS.getSchema(schemaText);
            Set<ValidationMessage> problems = schema.validate(new String(record.value(), StandardCharsets.UTF_8),
                    InputFormat.JSON);
            assertThat(problems).isEmpty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
