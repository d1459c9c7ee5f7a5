package com.calliyo.customer.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.calliyo.customer.LeadEventsMother;
import com.calliyo.customer.OrderEventsMother;
import com.calliyo.customer.company.CompanySettings;
import com.calliyo.customer.company.CompanySettingsStore;
import com.calliyo.customer.customers.CustomerProjection;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.order.events.OrderEventType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer side of the lead-events contract: the producer's own example payloads, read from the lead-events jar, go
 * through the listeners, decoders and projection into the stored view.
 */
class LeadEventsContractTest {

    private static final String EXAMPLE = "contracts/lead-events/LeadConverted.v1.json";
    private static final String STATUSES_EXAMPLE = "contracts/lead-events/CompanyStatusesChanged.v1.json";
    private static final String SETTINGS_EXAMPLE = "contracts/lead-events/CompanySettingsChanged.v1.json";
    private static final String ORDER_CREATED_EXAMPLE = "contracts/order-events/OrderCreated.v1.json";

    private final JsonMapper json = JsonMapper.builder().build();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private LeadEventsListener listener;
    private CompanyEventsListener companyListener;
    private OrderEventsListener orderListener;
    private CompanySettingsStore companies;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "customers");
        CustomerProjection projection = new CustomerProjection(mongo);
        companies = new CompanySettingsStore(mongo);
        listener = new LeadEventsListener(json, projection);
        companyListener = new CompanyEventsListener(json, companies);
        orderListener = new OrderEventsListener(json, projection);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldProjectTheContractExampleOfLeadConverted() throws IOException {
        byte[] example = example(EXAMPLE);
        JsonNode expected = json.readTree(example);
        String leadId = expected.get("leadId").asString();
        ProducerRecord<String, byte[]> sent = LeadEventsMother.record(leadId, LeadEventType.CONVERTED.type(), example);

        listener.onLeadEvents(List.of(received(sent)));

        Document view = mongo.getCollection("customers").find(new Document("_id", leadId)).first();
        assertThat(view).as("customer view of the example lead").isNotNull();
        assertThat(view.getString("companyId")).isEqualTo(expected.get("companyId").asString());
        assertThat(view.getLong("version")).isEqualTo(expected.get("leadVersion").asLong());
        assertThat(view.getBoolean("customer")).isTrue();
        assertThat(view.getString("convertedBy")).isEqualTo(expected.get("convertedBy").asString());
        assertThat(view.getDate("convertedAt")).isNotNull();
        JsonNode lead = expected.get("lead");
        assertThat(view.getString("firstName")).isEqualTo(lead.get("firstName").asString());
        assertThat(view.getString("phone")).isEqualTo(lead.get("phone").asString());
        assertThat(view.get("status", Document.class).getString("name"))
                .isEqualTo(lead.get("status").get("name").asString());
        assertThat(view.get("status", Document.class).getString("kind")).isEqualTo("CUSTOMER");
        Document history = Optional.ofNullable(view.get("history", Document.class)).orElseGet(Document::new);
        assertThat(history.keySet()).hasSize(expected.get("timeline").size());
        expected.get("timeline").forEach(entry -> assertThat(history.get(entry.get("id").asString(), Document.class))
                .as("history entry %s", entry.get("id").asString())
                .isNotNull()
                .containsEntry("type", entry.get("type").asString()));
    }

    @Test
    void shouldKeepTheNamesOfTheContractExampleOfCompanyStatusesChanged() throws IOException {
        byte[] example = example(STATUSES_EXAMPLE);
        JsonNode pipeline = json.readTree(example);
        String companyId = pipeline.get("companyId").asString();
        JsonNode renamed = pipeline.get("statuses").get(3);
        StatusRef oldName = new StatusRef(renamed.get("id").asString(), "Interested", StatusKind.OTHER);

        companyListener.onCompanyEvent(received(LeadEventsMother.record(LeadEventTopics.COMPANY_EVENTS, companyId,
                LeadEventType.COMPANY_STATUSES_CHANGED.type(), example)));

        assertThat(companies.find(companyId).current(oldName).name()).isEqualTo(renamed.get("name").asString());
        Document kept = mongo.getCollection("companies").find(new Document("_id", companyId)).first();
        assertThat(kept.getLong("pipelineVersion")).isEqualTo(pipeline.get("pipelineVersion").asLong());
    }

    @Test
    void shouldKeepTheContractExampleOfCompanySettingsChanged() throws IOException {
        byte[] example = example(SETTINGS_EXAMPLE);
        JsonNode settings = json.readTree(example);
        String companyId = settings.get("companyId").asString();

        companyListener.onCompanyEvent(received(LeadEventsMother.record(LeadEventTopics.COMPANY_EVENTS, companyId,
                LeadEventType.COMPANY_SETTINGS_CHANGED.type(), example)));

        CompanySettings kept = companies.find(companyId);
        assertThat(kept.timezone()).isEqualTo(ZoneId.of(settings.get("timezone").asString()));
        assertThat(kept.showCustomerTo().name()).isEqualTo(settings.get("showCustomerTo").asString());
        JsonNode customer = settings.get("statuses").get(9);
        assertThat(kept.current(new StatusRef(customer.get("id").asString(), "old", null)).name())
                .isEqualTo(customer.get("name").asString());
    }

    @Test
    void shouldKeepTheContractExamplesOfOrderEventsForTheirLead() throws IOException {
        JsonNode created = json.readTree(example(ORDER_CREATED_EXAMPLE));
        String leadId = created.get("leadId").asString();
        String orderId = created.get("orderId").asString();

        for (OrderEventType type : OrderEventType.values()) {
            String name = type.dataClass().getSimpleName();
            orderListener.onOrderEvent(received(OrderEventsMother.record(leadId, type.type(),
                    example("contracts/order-events/" + name + ".v1.json"))));
        }

        Document view = mongo.getCollection("customers").find(new Document("_id", leadId)).first();
        assertThat(view).as("the order kept before the conversion").isNotNull();
        assertThat(view.getBoolean("customer")).isFalse();
        Document order = view.get("orders", Document.class).get(orderId, Document.class);
        JsonNode paid = json.readTree(example("contracts/order-events/OrderPaymentStatusChanged.v1.json"));
        assertThat(order.getString("paymentStatus")).as("the newest orderVersion of the examples")
                .isEqualTo(newest("order", "paymentStatus"));
        assertThat(order.getString("total")).isEqualTo(created.get("order").get("taxBreakdown").get("total").asString());
        assertThat(order.getString("plan")).isEqualTo(created.get("order").get("plan").asString());
        assertThat(paid.get("orderId").asString()).isEqualTo(orderId);
    }

    /** A field of the snapshot in whichever order example has the highest orderVersion. */
    private String newest(String snapshot, String field) throws IOException {
        JsonNode best = null;
        for (OrderEventType type : OrderEventType.values()) {
            JsonNode node = json.readTree(example("contracts/order-events/" + type.dataClass().getSimpleName()
                    + ".v1.json"));
            if (best == null || node.get("orderVersion").asLong() > best.get("orderVersion").asLong()) {
                best = node;
            }
        }
        return best.get(snapshot).get(field).asString();
    }

    private static byte[] example(String resource) throws IOException {
        try (InputStream in = LeadEventsContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the classpath (published by the lead-events jar)", resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, -1, sent.value().length,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }
}
