package com.calliyo.reporting.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.events.LeadEventType;
import com.calliyo.reporting.LeadEventsMother;
import com.calliyo.reporting.facts.LeadFactProjection;
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
 * Consumer side of the lead-events contract: the producer's own example payload, read from the lead-events jar,
 * goes through the listener, decoder and projection into the stored fact.
 */
class LeadEventsContractTest {

    private static final String EXAMPLE = "contracts/lead-events/LeadStatusChanged.v1.json";

    private final JsonMapper json = JsonMapper.builder().build();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private LeadEventsListener listener;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "reporting");
        listener = new LeadEventsListener(json, new LeadFactProjection(mongo));
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldProjectTheContractExampleOfLeadStatusChanged() throws IOException {
        byte[] example = example(EXAMPLE);
        JsonNode expected = json.readTree(example);
        JsonNode lead = expected.get("lead");
        String leadId = expected.get("leadId").asString();
        ProducerRecord<String, byte[]> sent =
                LeadEventsMother.record(leadId, LeadEventType.STATUS_CHANGED.type(), example);

        listener.onLeadEvents(List.of(received(sent)));

        Document fact = mongo.getCollection("lead_facts").find(new Document("_id", leadId)).first();
        assertThat(fact).as("fact of the example lead").isNotNull();
        assertThat(fact.getString("companyId")).isEqualTo(expected.get("companyId").asString());
        assertThat(fact.getLong("version")).isEqualTo(expected.get("leadVersion").asLong());
        assertThat(fact.getString("source")).isEqualTo(lead.get("source").asString());
        assertThat(fact.getString("campaign")).isEqualTo(lead.get("campaign").asString());
        List<String> tags = new ArrayList<>();
        lead.get("tags").forEach(tag -> tags.add(tag.asString()));
        assertThat(fact.getList("tags", String.class)).containsExactlyElementsOf(tags);
        assertThat(fact.getString("statusId")).isEqualTo(lead.get("status").get("id").asString());
        assertThat(fact.getString("statusKind")).isEqualTo(lead.get("status").get("kind").asString());
        assertThat(fact.getString("assignedTo")).isEqualTo(lead.get("assignedTo").asString());
        assertThat(fact.getDate("capturedAt").toInstant().toString()).isEqualTo(lead.get("createdAt").asString());
        assertThat(fact.getString("convertedBy")).isEqualTo(lead.get("convertedBy").asString());
        assertThat(fact.getDate("convertedAt").toInstant().toString()).isEqualTo(lead.get("convertedAt").asString());
    }

    @Test
    void shouldCountALeadForNoAgentOnceTheContractExampleOfLeadUnassignedArrives() throws IOException {
        byte[] assigned = example("contracts/lead-events/LeadAssigned.v1.json");
        byte[] unassigned = example("contracts/lead-events/LeadUnassigned.v1.json");
        JsonNode expected = json.readTree(unassigned);
        String leadId = expected.get("leadId").asString();

        listener.onLeadEvents(List.of(received(LeadEventsMother.record(leadId, LeadEventType.ASSIGNED.type(), assigned))));
        Document before = mongo.getCollection("lead_facts").find(new Document("_id", leadId)).first();
        listener.onLeadEvents(List.of(received(LeadEventsMother.record(leadId, LeadEventType.UNASSIGNED.type(), unassigned))));
        Document after = mongo.getCollection("lead_facts").find(new Document("_id", leadId)).first();

        // the reports by agent credit a lead that is not a customer to its fact's assignedTo
        assertThat(before.getString("assignedTo")).isEqualTo(expected.get("fromAgentId").asString());
        assertThat(after.getLong("version")).isEqualTo(expected.get("leadVersion").asLong());
        assertThat(after.getString("assignedTo")).isNull();
        assertThat(after.getString("statusKind")).isEqualTo("UNASSIGNED");
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
