package com.calliyo.order.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.events.LeadEventType;
import com.calliyo.order.LeadEventsMother;
import com.calliyo.order.directory.LeadDirectoryProjection;
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
 * goes through the listener, decoder and projection into the lead directory.
 */
class LeadEventsContractTest {

    private static final String EXAMPLE = "contracts/lead-events/LeadConverted.v1.json";

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
        mongo = new MongoTemplate(client, "orders");
        listener = new LeadEventsListener(json, new LeadDirectoryProjection(mongo));
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

        Document entry = mongo.getCollection("lead_directory").find(new Document("_id", leadId)).first();
        assertThat(entry).as("directory entry of the example lead").isNotNull();
        assertThat(entry.getString("companyId")).isEqualTo(expected.get("companyId").asString());
        assertThat(entry.getLong("version")).isEqualTo(expected.get("leadVersion").asLong());
        assertThat(entry.getBoolean("customer")).isTrue();
        assertThat(entry.getString("convertedBy")).isEqualTo(expected.get("lead").get("convertedBy").asString());
        assertThat(entry.getString("statusKind")).isEqualTo("CUSTOMER");
    }

    @Test
    void shouldTakeALeadOutOfItsAgentsViewWhenTheContractExampleOfLeadUnassignedArrives() throws IOException {
        byte[] assigned = example("contracts/lead-events/LeadAssigned.v1.json");
        byte[] unassigned = example("contracts/lead-events/LeadUnassigned.v1.json");
        JsonNode expected = json.readTree(unassigned);
        String leadId = expected.get("leadId").asString();
        String agent = expected.get("fromAgentId").asString();

        listener.onLeadEvents(List.of(received(LeadEventsMother.record(leadId, LeadEventType.ASSIGNED.type(), assigned))));
        Document before = mongo.getCollection("lead_directory").find(new Document("_id", leadId)).first();
        listener.onLeadEvents(List.of(received(LeadEventsMother.record(leadId, LeadEventType.UNASSIGNED.type(), unassigned))));
        Document after = mongo.getCollection("lead_directory").find(new Document("_id", leadId)).first();

        assertThat(before.getString("assignedTo")).isEqualTo(agent);
        assertThat(after.getLong("version")).isEqualTo(expected.get("leadVersion").asLong());
        assertThat(after.getString("assignedTo")).as("no agent sees the lead as theirs any more").isNull();
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
