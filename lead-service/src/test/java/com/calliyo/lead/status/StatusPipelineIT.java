package com.calliyo.lead.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.calliyo.lead.caller.Role;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * The pipeline over real HTTP, the embedded store and the real broker. Every test acts for a company of its own, so
 * each signs up its own company (so it starts from the default pipeline) and acts as its admin, a manager or an agent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StatusPipelineIT {

    private static final String STATUSES = "/api/settings/statuses";
    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-statuses");
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private LeadServiceApi api;
    private String companyId;
    private String adminUserId;
    private String token;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void aCompanyOfItsOwn() {
        api = new LeadServiceApi(port);
        LeadServiceApi.Company company = api.signUpCompany();
        companyId = company.id();
        adminUserId = company.adminUserId();
        tokens.put(Role.ADMIN, company.adminToken());
        tokens.put(Role.MANAGER, api.addUser(company, "MANAGER").token());
        tokens.put(Role.AGENT, api.addUser(company, "AGENT").token());
        actAs(Role.ADMIN);
    }

    @Test
    void shouldListTheDefaultPipelineInOrderToAnyRole() throws Exception {
        actAs(Role.AGENT);

        HttpResponse<String> response = send("GET", STATUSES, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode statuses = json.readTree(response.body());
        assertThat(statuses.findValuesAsString("name")).containsExactly("Unassigned", "Assigned", "Followups",
                "Interested", "Not Interested", "Busy", "Not Picked", "Missed", "Wrong Number", "Customer");
        assertThat(statuses.get(0).get("kind").asString()).isEqualTo("UNASSIGNED");
        assertThat(statuses.get(0).get("protected").asBoolean()).isTrue();
        assertThat(statuses.get(1).get("protected").asBoolean()).isFalse();
        assertThat(statuses.get(9).get("position").asInt()).isEqualTo(9);
        assertThat(statuses.get(1).propertyNames()).containsExactlyInAnyOrder("id", "name", "kind", "protected",
                "position");
    }

    @Test
    void shouldShowARenameOnTheLeadAtOnceAndInTheEventsOfItsNextChange() throws Exception {
        String leadId = captureLead("Interested");
        String interested = statusId("Interested");

        HttpResponse<String> renamed = send("PATCH", STATUSES + "/" + interested, "{\"name\":\"  Warm lead \"}");

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(renamed.body()).get("name").asString()).isEqualTo("Warm lead");
        assertThat(json.readTree(renamed.body()).get("position").asInt()).isEqualTo(3);
        JsonNode lead = json.readTree(send("GET", "/api/leads/" + leadId, null).body());
        assertThat(lead.get("status").get("id").asString()).isEqualTo(interested);
        assertThat(lead.get("status").get("name").asString()).isEqualTo("Warm lead");
        assertThat(lead.get("version").asLong()).as("a rename is not a change of the lead").isEqualTo(1);

        send("PATCH", "/api/leads/" + leadId, "{\"firstName\":\"Asha K\"}");
        send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Busy\"}");

        List<JsonNode> events = data(awaitEvents(LeadEventTopics.LEAD_EVENTS, leadId, 3));
        assertThat(events.get(0).get("lead").get("status").get("name").asString()).isEqualTo("Interested");
        assertThat(events.get(1).get("lead").get("status").get("name").asString()).isEqualTo("Warm lead");
        assertThat(events.get(2).get("from").get("name").asString()).isEqualTo("Warm lead");
        assertThat(events.get(2).get("to").get("name").asString()).isEqualTo("Busy");
    }

    @Test
    void shouldPublishTheWholePipelineAfterEveryChangeInOrder() throws Exception {
        String added = json.readTree(send("POST", STATUSES, "{\"name\":\"Demo booked\"}").body()).get("id")
                .asString();
        send("PATCH", STATUSES + "/" + statusId("Busy"), "{\"name\":\"Line busy\"}");
        List<String> reversed = new ArrayList<>(statusIds());
        Collections.reverse(reversed);
        send("PUT", STATUSES + "/order", json.writeValueAsString(new Order(reversed)));
        send("DELETE", STATUSES + "/" + added, null);

        List<CloudEvent> events = awaitEvents(LeadEventTopics.COMPANY_EVENTS, companyId, 5);

        assertThat(events).allSatisfy(event -> {
            assertThat(event.getType()).isEqualTo("com.calliyo.company.statuses_changed");
            assertThat(event.getSubject()).isEqualTo(companyId);
            assertThat(event.getDataSchema()).hasToString(
                    "https://calliyo.com/schemas/events/company.statuses_changed/v1");
        });
        List<JsonNode> data = data(events);
        assertThat(data).extracting(d -> d.get("pipelineVersion").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(data).extracting(d -> d.get("actorId").asString())
                .containsExactly("system", adminUserId, adminUserId, adminUserId, adminUserId);
        assertThat(data.get(1).get("statuses").get(10).get("name").asString()).isEqualTo("Demo booked");
        assertThat(data.get(2).get("statuses").findValuesAsString("name")).contains("Line busy")
                .doesNotContain("Busy");
        assertThat(data.get(3).get("statuses").get(0).get("id").asString()).isEqualTo(added);
        JsonNode last = data.get(4);
        assertThat(last.get("companyId").asString()).isEqualTo(companyId);
        assertThat(last.get("statuses").findValuesAsString("id")).isEqualTo(statusIds()).doesNotContain(added);
        assertThat(last.get("statuses").get(0).get("name").asString()).isEqualTo("Customer");
        assertThat(last.get("statuses").get(0).get("position").asInt()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pipelineDocument()
                .getList("pendingEvents", Document.class)).isEmpty());
    }

    @Test
    void shouldRefuseToDeleteAStatusInUseSayingHowManyLeadsUseIt() throws Exception {
        String first = captureLead("Missed");
        captureLead("missed");
        String missed = statusId("Missed");

        HttpResponse<String> refused = send("DELETE", STATUSES + "/" + missed, null);

        assertProblem(refused, 409);
        assertThat(json.readTree(refused.body()).get("leadCount").asLong()).isEqualTo(2);
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("used by 2 leads");
        assertThat(statusIds()).contains(missed);

        send("PATCH", "/api/leads/" + first, "{\"status\":\"Busy\"}");
        assertThat(json.readTree(send("DELETE", STATUSES + "/" + missed, null).body()).get("leadCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldDeleteAStatusNoLeadUses() throws Exception {
        captureLead("Busy");
        String wrongNumber = statusId("Wrong Number");

        HttpResponse<String> deleted = send("DELETE", STATUSES + "/" + wrongNumber, null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(statusIds()).hasSize(9).doesNotContain(wrongNumber);
        assertThat(send("DELETE", STATUSES + "/" + wrongNumber, null).statusCode()).isEqualTo(404);
        HttpResponse<String> capture = send("POST", "/api/leads",
                "{\"firstName\":\"A\",\"phone\":\"%s\",\"status\":\"Wrong Number\"}".formatted(uniqueIndianMobile()));
        assertThat(capture.statusCode()).as("a deleted status is gone for new leads").isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(value = ProtectedStatus.class)
    void shouldNeitherRenameNorDeleteAProtectedStatus(ProtectedStatus status) throws Exception {
        String id = statusId(status.label);

        assertProblem(send("PATCH", STATUSES + "/" + id, "{\"name\":\"Renamed\"}"), 409);
        assertProblem(send("DELETE", STATUSES + "/" + id, null), 409);
        assertThat(statusNames()).contains(status.label);
    }

    enum ProtectedStatus {
        UNASSIGNED("Unassigned"), FOLLOWUPS("Followups"), CUSTOMER("Customer");

        final String label;

        ProtectedStatus(String label) {
            this.label = label;
        }
    }

    @Test
    void shouldReorderToTheFullNewOrder() throws Exception {
        List<String> ids = statusIds();
        List<String> moved = new ArrayList<>(ids);
        Collections.swap(moved, 4, 5);

        HttpResponse<String> reordered = send("PUT", STATUSES + "/order", json.writeValueAsString(new Order(moved)));

        assertThat(reordered.statusCode()).isEqualTo(200);
        assertThat(json.readTree(reordered.body()).findValuesAsString("id")).isEqualTo(moved);
        assertThat(statusIds()).isEqualTo(moved);
        assertThat(statusNames().subList(3, 7)).containsExactly("Interested", "Busy", "Not Interested",
                "Not Picked");
    }

    @Test
    void shouldAppendAnAddedStatusAndAnswer201WithItsLocation() throws Exception {
        HttpResponse<String> created = send("POST", STATUSES, "{\"name\":\"Demo booked\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode status = json.readTree(created.body());
        assertThat(created.headers().firstValue("Location"))
                .hasValue(STATUSES + "/" + status.get("id").asString());
        assertThat(status.get("kind").asString()).isEqualTo("OTHER");
        assertThat(status.get("protected").asBoolean()).isFalse();
        assertThat(status.get("position").asInt()).isEqualTo(10);
        assertThat(statusNames()).last().isEqualTo("Demo booked");
        HttpResponse<String> lead = send("POST", "/api/leads",
                "{\"firstName\":\"A\",\"phone\":\"%s\",\"status\":\"demo BOOKED\"}".formatted(uniqueIndianMobile()));
        assertThat(json.readTree(lead.body()).get("status").get("name").asString()).isEqualTo("Demo booked");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "AGENT"})
    void shouldForbidChangesToAnyoneButAnAdmin(Role role) throws Exception {
        String busy = statusId("Busy");
        List<String> ids = statusIds();
        actAs(role);

        assertProblem(send("POST", STATUSES, "{\"name\":\"Mine\"}"), 403);
        assertProblem(send("PATCH", STATUSES + "/" + busy, "{\"name\":\"Mine\"}"), 403);
        assertProblem(send("DELETE", STATUSES + "/" + busy, null), 403);
        assertProblem(send("PUT", STATUSES + "/order", json.writeValueAsString(new Order(ids))), 403);
        assertThat(send("GET", STATUSES, null).statusCode()).isEqualTo(200);
        assertThat(statusNames()).contains("Busy").doesNotContain("Mine");
    }

    @Test
    void shouldRejectBadInputNamingTheField() throws Exception {
        String busy = statusId("Busy");

        assertField(send("POST", STATUSES, "{}"), 400, "name");
        assertField(send("POST", STATUSES, "{\"name\":\"   \"}"), 400, "name");
        assertField(send("POST", STATUSES, "{\"name\":\"" + "x".repeat(51) + "\"}"), 400, "name");
        assertField(send("POST", STATUSES, "{\"name\":[\"x\"]}"), 400, "name");
        assertField(send("POST", STATUSES, "{\"name\":\"  busy \"}"), 409, "name");
        assertField(send("PATCH", STATUSES + "/" + busy, "{\"name\":\"NOT PICKED\"}"), 409, "name");
        assertField(send("PUT", STATUSES + "/order", "{\"ids\":[\"" + busy + "\"]}"), 400, "ids");
        assertField(send("PUT", STATUSES + "/order", "{\"ids\":\"" + busy + "\"}"), 400, "ids");
        assertField(send("PUT", STATUSES + "/order", "{}"), 400, "ids");
        assertProblem(send("POST", STATUSES, "{\"name\":"), 400);
        assertProblem(send("POST", STATUSES, null), 400);
        assertProblem(send("PATCH", STATUSES + "/no-such-status", "{\"name\":\"x\"}"), 404);
        assertProblem(send("DELETE", STATUSES + "/no-such-status", null), 404);
        assertThat(statusNames()).hasSize(10);
    }

    @Test
    void shouldNotLoseAnUpdateWhenAdminsChangeThePipelineAtOnce() throws Exception {
        String busy = statusId("Busy");
        List<Callable<HttpResponse<String>>> changes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "Parallel " + i;
            changes.add(() -> send("POST", STATUSES, "{\"name\":\"" + name + "\"}"));
        }
        changes.add(() -> send("PATCH", STATUSES + "/" + busy, "{\"name\":\"Line busy\"}"));

        List<Integer> codes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(changes.size());
        try {
            for (Future<HttpResponse<String>> done : pool.invokeAll(changes)) {
                codes.add(done.get().statusCode());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(codes).containsExactly(201, 201, 201, 201, 200);
        assertThat(statusNames()).contains("Parallel 0", "Parallel 1", "Parallel 2", "Parallel 3", "Line busy")
                .hasSize(14);
        assertThat(pipelineDocument().getLong("version")).isEqualTo(6);
    }

    @Test
    void shouldSeedTheDefaultPipelineOnceWhenRequestsArriveAtOnce() throws Exception {
        List<Callable<List<String>>> reads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            reads.add(this::statusIds);
        }

        List<List<String>> seen = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(reads.size());
        try {
            for (Future<List<String>> done : pool.invokeAll(reads)) {
                seen.add(done.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(seen).allSatisfy(ids -> assertThat(ids).hasSize(10).isEqualTo(seen.get(0)));
        assertThat(mongo.getCollection(MongoPipelines.COLLECTION).countDocuments(new Document("_id", companyId)))
                .isEqualTo(1);
        assertThat(awaitEvents(LeadEventTopics.COMPANY_EVENTS, companyId, 1)).hasSize(1);
    }

    private record Order(List<String> ids) {
    }

    private void actAs(Role role) {
        token = tokens.get(role);
    }

    private String captureLead(String status) throws Exception {
        HttpResponse<String> created = send("POST", "/api/leads",
                "{\"firstName\":\"Asha\",\"phone\":\"%s\",\"status\":\"%s\"}".formatted(uniqueIndianMobile(), status));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    private JsonNode pipeline() throws Exception {
        HttpResponse<String> response = send("GET", STATUSES, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<String> statusIds() throws Exception {
        return pipeline().findValuesAsString("id");
    }

    private List<String> statusNames() throws Exception {
        return pipeline().findValuesAsString("name");
    }

    private String statusId(String name) throws Exception {
        for (JsonNode status : pipeline()) {
            if (status.get("name").asString().equals(name)) {
                return status.get("id").asString();
            }
        }
        throw new AssertionError("No status " + name);
    }

    private Document pipelineDocument() {
        return mongo.getCollection(MongoPipelines.COLLECTION).find(new Document("_id", companyId)).first();
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    private void assertField(HttpResponse<String> response, int status, String field) {
        assertProblem(response, status);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsString("field")).containsExactly(field);
    }

    private List<JsonNode> data(List<CloudEvent> events) {
        return events.stream().map(event -> json.readTree(event.getData().toBytes())).toList();
    }

    /** The lead or pipeline events with this key on the topic, in order, failing if more than {@code expected} show up. */
    private static List<CloudEvent> awaitEvents(String topic, String key, int expected) {
        List<CloudEvent> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                collect(consumer, key, found);
                return found.size() >= expected;
            });
            collect(consumer, key, found);
        }
        assertThat(found).hasSize(expected);
        return found;
    }

    private static void collect(KafkaConsumer<String, byte[]> consumer, String key, List<CloudEvent> found) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
            if (key.equals(record.key())) {
                CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
                // The company's settings and users share its key on the company topic; only the pipeline counts here.
                if (!event.getType().startsWith("com.calliyo.company.")
                        || event.getType().equals("com.calliyo.company.statuses_changed")) {
                    found.add(event);
                }
            }
        }
    }

    /** As the signed-in user of the role {@link #actAs} chose, in this test's own company. */
    private HttpResponse<String> send(String method, String path, String body) {
        return api.send(method, path, body, token).raw();
    }

    private static String uniqueIndianMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9198" + String.format("%08d", suffix);
    }
}
