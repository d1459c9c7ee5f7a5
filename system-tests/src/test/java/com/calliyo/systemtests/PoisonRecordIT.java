package com.calliyo.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record on each topic the suite consumes, written with a plain Kafka producer onto the partition of a real
 * key, followed by a good event for the same key (so on the same partition, after it), made through the gateway.
 * Every consumer group that reads the topic must give up on the poison and publish it to {@code <topic>-dlt} exactly
 * once (undecodable records skip the retries; anything else gets at most 3 attempts: {@code max-retries: 2}), and
 * the partition must keep flowing: each group commits past the good event(s), and each reader shows their effect:
 * <ul>
 * <li>{@code crm.lead.events} (the lead assigned to an agent, then converted): Customers and the conversions report;
 * order-service lets the agent read the lead's orders (404 before: its lead directory had the lead unassigned);
 * webhook-service delivers {@code lead.converted} of that lead to a subscribed receiver;</li>
 * <li>{@code crm.company.events} (the Order module switched off, a user banned): order-service refuses orders;
 * the banned user's older token is refused (401) by lead-, customer-, order- and reporting-service themselves, whose
 * token checks read this topic in a revocation feed of their own (no group to dead-letter in: it skips what it cannot
 * read), lead-service's only consumer of it;</li>
 * <li>{@code crm.order.events} (an order): Customers and the revenue report; webhook-service delivers
 * {@code order.created} of that order.</li>
 * </ul>
 * <p>
 * Two kinds of poison: {@code bad-json} is a well-formed binary CloudEvent of a type the consumers decode whose data
 * is not JSON; {@code not-a-cloudevent} has no {@code ce_*} headers at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
    final Gateway gateway = admin.gateway();
    /** An agent of the company: what order-service lets it see depends on the lead directory it feeds from events. */
    final User agent = User.create(suite.gateway(), admin);
    /** Bodies of the webhook deliveries to the company's subscription (lead.converted, order.created). */
    final List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    final HttpServer receiver = startReceiver();
    /** The company's webhook subscription, made before any poison. */
    final String subscription = subscribe();

    /** A user of the company, signed in. */
    record User(String id, String accessToken) {

        static User create(Gateway anonymous, Scenario.SignedIn admin) {
            String email = "poison-" + UUID.randomUUID() + "@example.com";
            Gateway.Response created = admin.gateway().post("/api/users", """
                    {"name":"Poison Agent","email":"%s","password":"%s","role":"AGENT"}"""
                    .formatted(email, Scenario.PASSWORD));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return new User(created.json().get("id").asString(),
                    Scenario.login(anonymous, admin.companyId(), email));
        }
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
        "crm.lead.events, bad-json", "crm.lead.events, not-a-cloudevent",
        "crm.company.events, bad-json", "crm.company.events, not-a-cloudevent",
        "crm.order.events, bad-json", "crm.order.events, not-a-cloudevent"})
    void shouldDeadLetterThePoisonOnceInEveryGroupAndApplyTheGoodEventBehindIt(String topic, String poison) {
        String campaign = "poison-" + UUID.randomUUID();
        String leadId = Scenario.captureLead(gateway, campaign);
        switchOrderModule(true);
        if (!topic.equals(KafkaProbe.LEAD_EVENTS)) {
            assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
            awaitCustomer(leadId);
        }
        User banned = topic.equals(KafkaProbe.COMPANY_EVENTS) ? User.create(suite.gateway(), admin) : null;
        List<String> groups = KafkaProbe.READERS.get(topic);
        suite.kafka().awaitCaughtUp(topic, groups, PATIENCE); // the key's partition is clear up to here
        String key = topic.equals(KafkaProbe.COMPANY_EVENTS) ? admin.companyId() : leadId;
        if (topic.equals(KafkaProbe.LEAD_EVENTS)) {
            assertThat(agentReadsOrdersOf(leadId).status()).as("the agent, before the lead is assigned to them")
                    .isEqualTo(404);
        }
        if (banned != null) {
            assertThat(tokenChecks(banned)).allSatisfy(target ->
                    assertThat(target.read().status()).as(target.name()).isEqualTo(200));
        }

        RecordMetadata written = suite.kafka().produce(topic, key, poisonValue(poison), poisonHeaders(topic, poison));
        String plan = "plan-" + UUID.randomUUID();
        goodEventBehind(topic, leadId, plan, banned);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> gaveUp = suite.kafka().deadLetters(topic).stream()
                    .filter(d -> topic.equals(d.originalTopic()) && d.originalPartition() == written.partition()
                            && d.originalOffset() == written.offset())
                    .map(KafkaProbe.DeadLetter::group).sorted().toList();
            assertThat(gaveUp).as("groups that dead-lettered %s-%d@%d", topic, written.partition(), written.offset())
                    .containsExactlyElementsOf(groups.stream().sorted().toList());
        });
        suite.kafka().awaitCaughtUp(topic, groups, PATIENCE);
        assertGoodEventApplied(topic, leadId, campaign, plan, banned);
    }

    /** The good event(s) for the same key, after the poison on its partition. */
    private void goodEventBehind(String topic, String leadId, String plan, User banned) {
        switch (topic) {
            case KafkaProbe.LEAD_EVENTS -> {
                Gateway.Response assigned = gateway.put("/api/leads/" + leadId + "/assignee",
                        "{\"agentId\":\"" + agent.id() + "\"}");
                assertThat(assigned.status()).as(assigned.body()).isBetween(200, 204);
                assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status())
                        .isEqualTo(200);
            }
            case KafkaProbe.COMPANY_EVENTS -> {
                switchOrderModule(false); // settings_changed
                Gateway.Response ban = gateway.patch("/api/users/" + banned.id(), "{\"banned\":true}");
                assertThat(ban.status()).as(ban.body()).isBetween(200, 204); // user_changed, keyed by companyId
            }
            case KafkaProbe.ORDER_EVENTS -> await().atMost(PATIENCE).untilAsserted(() -> { // until it knows the module is on
                Gateway.Response created = gateway.post("/api/orders", order(leadId, plan));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            });
            default -> throw new IllegalArgumentException(topic);
        }
    }

    private void assertGoodEventApplied(String topic, String leadId, String campaign, String plan, User banned) {
        switch (topic) {
            case KafkaProbe.LEAD_EVENTS -> {
                awaitCustomer(leadId);
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        Scenario.campaignRow(gateway, campaign).get("conversions").asLong()).isEqualTo(1));
                // order-service's lead directory has the lead assigned to the agent now
                await().atMost(PATIENCE).untilAsserted(() ->
                        assertThat(agentReadsOrdersOf(leadId).status()).isEqualTo(200));
                awaitDelivered("lead.converted", body -> leadId.equals(body.at("/data/lead/id").asString()));
            }
            case KafkaProbe.COMPANY_EVENTS -> {
                // order-service learnt from settings_changed that the Order module is off now
                await().atMost(PATIENCE).untilAsserted(() -> {
                    Gateway.Response refused = gateway.post("/api/orders", order(leadId, plan));
                    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                    assertThat(refused.json().get("detail").asString()).contains("Order module");
                });
                switchOrderModule(true);
                // every service's revocation feed, lead-service's included, read the ban behind the poison
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(tokenChecks(banned)).allSatisfy(target -> assertThat(target.read().status())
                                .as(target.name()).isEqualTo(401)));
            }
            case KafkaProbe.ORDER_EVENTS -> {
                await().atMost(PATIENCE).untilAsserted(() -> {
                    JsonNode customer = gateway.get("/api/customers/" + leadId).json();
                    assertThat(customer.get("orders").toString()).contains(plan);
                    assertThat(gateway.get("/api/reports/revenue?groupBy=plan").body()).contains(plan);
                });
                awaitDelivered("order.created", body -> body.get("data").toString().contains(plan));
            }
            default -> throw new IllegalArgumentException(topic);
        }
    }

    private Gateway.Response agentReadsOrdersOf(String leadId) {
        return suite.gateway().as(agent.accessToken()).get("/api/orders?leadId=" + leadId);
    }

    /**
     * A read of each service whose token check reads {@code crm.company.events}, straight to the service where this
     * JVM started the stack (the gateway checks revocations as well, so through it one service's feed would hide
     * another's), through the gateway otherwise.
     */
    private List<RevocationIT.Target> tokenChecks(User user) {
        List<RevocationIT.Target> targets = new ArrayList<>();
        RevocationIT.READS.forEach((module, path) -> targets.add(suite.direct(module)
                .map(direct -> new RevocationIT.Target(module + " " + path, direct.as(user.accessToken()), path))
                .orElseGet(() -> new RevocationIT.Target("gateway " + path,
                        suite.gateway().as(user.accessToken()), path))));
        return targets;
    }

    private void awaitDelivered(String type, Predicate<JsonNode> about) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(delivered)
                .as("webhook deliveries of %s", type)
                .anySatisfy(body -> {
                    assertThat(body.get("type").asString()).isEqualTo(type);
                    assertThat(about.test(body)).isTrue();
                }));
    }

    private String subscribe() {
        Gateway.Response subscribed = gateway.post("/api/settings/webhooks", """
                {"url":"http://127.0.0.1:%d/calliyo","events":["lead.converted","order.created"]}"""
                .formatted(receiver.getAddress().getPort()));
        assertThat(subscribed.status()).as("the stack needs CALLIYO_WEBHOOK_ALLOW_INSECURE_TARGETS=true: "
                + subscribed.body()).isEqualTo(201);
        return subscribed.json().get("id").asString();
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/calliyo", this::receive);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            delivered.add(JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static String order(String leadId, String plan) {
        return """
                {"leadId":"%s","plan":"%s","amount":"1000.00","paymentStatus":"PENDING","gst":{"rate":0}}"""
                .formatted(leadId, plan);
    }

    private void awaitCustomer(String leadId) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(gateway.get("/api/customers/" + leadId).status()).isEqualTo(200));
    }

    private void switchOrderModule(boolean enabled) {
        Orders.switchModule(gateway, enabled);
    }

    private static byte[] poisonValue(String poison) {
        return (poison.equals("bad-json") ? "{\"leadId\": not json at all" : "\u0000\u00ff garbage, no CloudEvent")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Binary-mode CloudEvent headers of a type every reader of the topic decodes, or none at all. */
    private static Map<String, String> poisonHeaders(String topic, String poison) {
        if (!poison.equals("bad-json")) {
            return Map.of();
        }
        String type = switch (topic) {
            case KafkaProbe.LEAD_EVENTS -> "com.calliyo.lead.status_changed";
            case KafkaProbe.COMPANY_EVENTS -> "com.calliyo.company.settings_changed";
            default -> "com.calliyo.order.created";
        };
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/system-tests/poison", "content-type", "application/json");
    }
}
