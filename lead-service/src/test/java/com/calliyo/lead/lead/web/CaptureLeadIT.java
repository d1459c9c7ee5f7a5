package com.calliyo.lead.lead.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureLeadIT extends CaptureHttpSupport {

    @Test
    void shouldAnswer409WithTheExistingLeadForEverySpellingOfItsPhone() throws Exception {
        HttpResponse<String> first = postJson("/api/leads", "{\"firstName\":\"Asha\",\"phone\":\"98765 43210\"}");
        String existingId = body(first).get("id").asString();

        for (String spelling : List.of("+91 98765-43210", "09876543210", "98765 43210")) {
            HttpResponse<String> again = postJson("/api/leads",
                    "{\"firstName\":\"Other\",\"phone\":\"%s\"}".formatted(spelling));

            assertThat(again.statusCode()).as(spelling).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(again).get("existingLeadId").asString()).isEqualTo(existingId);
            assertThat(errorFields(again)).containsExactly("phone");
        }
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(body(first).get("phone").asString()).isEqualTo("+919876543210");
        assertThat(leadsOfCompany()).isEqualTo(1);
    }

    @Test
    void shouldCreateOneLeadWhenTheSamePhoneIsCapturedConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String spelling = i % 2 == 0 ? "9876512345" : "+91 98765 12345";
                Callable<HttpResponse<String>> capture = () -> postJson("/api/leads",
                        "{\"firstName\":\"Racer\",\"phone\":\"%s\"}".formatted(spelling));
                responses.add(pool.submit(capture));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                statuses.add(response.get().statusCode());
            }

            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            assertThat(leadsWithPhone("+919876512345")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldMatchTagsCaseInsensitivelyKeepingTheFirstSpelling() throws Exception {
        JsonNode first = body(postJson("/api/leads",
                "{\"firstName\":\"A\",\"phone\":\"9876500001\",\"tags\":[\" VIP \",\"Hot\",\"vip\"]}"));
        JsonNode second = body(postJson("/api/leads",
                "{\"firstName\":\"B\",\"phone\":\"9876500002\",\"tags\":[\"hot\",\"vIp\",\"new  one\"]}"));

        assertThat(first.get("tags").valueStream().map(JsonNode::asString)).containsExactly("VIP", "Hot");
        assertThat(second.get("tags").valueStream().map(JsonNode::asString)).containsExactly("Hot", "VIP", "new one");
        assertThat(mongo.getCollection("tags").find(new Document("companyId", companyId))
                .map(doc -> doc.getString("name")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("VIP", "Hot", "new one");
    }

    @Test
    void shouldKeepAttributionAsCapturedWhenTheLeadIsEdited() throws Exception {
        JsonNode lead = body(postJson("/api/leads", """
                {"firstName":"Asha","phone":"9876500003","source":"expo","campaign":"diwali","status":"interested"}
                """));
        String id = lead.get("id").asString();

        patchJson("/api/leads/" + id, "{\"firstName\":\"Asha K\",\"status\":\"Customer\"}");
        JsonNode after = body(get("/api/leads/" + id));

        assertThat(lead.get("status").get("name").asString()).isEqualTo("Interested");
        assertThat(after.get("firstName").asString()).isEqualTo("Asha K");
        assertThat(after.get("source").asString()).isEqualTo("expo");
        assertThat(after.get("campaign").asString()).isEqualTo("diwali");
        assertThat(after.get("captureChannel").asString()).isEqualTo("FORM");
        Document stored = mongo.getCollection("leads").find(new Document("_id", id)).first();
        assertThat(stored.getString("captureChannel")).isEqualTo("FORM");
        assertThat(stored.getString("companyId")).isEqualTo(companyId);
    }

    @Test
    void shouldRejectAnInvalidEmailNamingTheField() throws Exception {
        HttpResponse<String> response = postJson("/api/leads",
                "{\"firstName\":\"Asha\",\"phone\":\"9876500004\",\"email\":\"asha@gmail\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("email");
        assertThat(leadsOfCompany()).isZero();
    }

    @Test
    void shouldReplayTheFirstResponseForARetryWithTheSameKey() throws Exception {
        String request = "{\"firstName\":\"Asha\",\"phone\":\"9876500005\",\"tags\":[\"x\"]}";

        HttpResponse<String> first = postJson("/api/leads", request, "Idempotency-Key", "key-1");
        HttpResponse<String> retry = postJson("/api/leads", request, "Idempotency-Key", "key-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(leadsOfCompany()).isEqualTo(1);
        String leadId = body(first).get("id").asString();
        assertThat(awaitEvents(Set.of(leadId), 1)).extracting(CloudEvent::getType)
                .containsExactly("com.calliyo.lead.captured");
    }

    @Test
    void shouldAnswer409WhenAKeyIsReusedForAnotherRequest() throws Exception {
        postJson("/api/leads", "{\"firstName\":\"Asha\",\"phone\":\"9876500006\"}", "Idempotency-Key", "key-2");

        HttpResponse<String> other = postJson("/api/leads", "{\"firstName\":\"Ravi\",\"phone\":\"9876500007\"}",
                "Idempotency-Key", "key-2");

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(other).get("title").asString()).isEqualTo("Idempotency-Key reused");
        assertThat(errorFields(other)).containsExactly("Idempotency-Key");
        assertThat(leadsOfCompany()).isEqualTo(1);
    }

    @Test
    void shouldLetAFailedRequestBeRetriedWithTheSameKey() throws Exception {
        HttpResponse<String> failed = postJson("/api/leads", "{\"firstName\":\"Asha\",\"phone\":\"9876500008\","
                + "\"status\":\"nope\"}", "Idempotency-Key", "key-3");

        HttpResponse<String> fixed = postJson("/api/leads", "{\"firstName\":\"Asha\",\"phone\":\"9876500008\"}",
                "Idempotency-Key", "key-3");

        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(fixed.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldNotWriteTwiceForConcurrentRequestsWithTheSameKey() throws Exception {
        String request = "{\"firstName\":\"Asha\",\"phone\":\"9876500009\"}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                responses.add(pool.submit(() -> postJson("/api/leads", request, "Idempotency-Key", "key-4")));
            }
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get();
                // the winner's 201, its replay, or "still in progress" — never a second capture's duplicate 409
                if (response.statusCode() == 409) {
                    assertThat(body(response).get("title").asString()).isEqualTo("Request in progress");
                } else {
                    assertThat(response.statusCode()).isEqualTo(201);
                }
            }
            assertThat(leadsOfCompany()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRejectAMalformedKey() throws Exception {
        HttpResponse<String> response = postJson("/api/leads", "{\"firstName\":\"Asha\",\"phone\":\"9876500010\"}",
                "Idempotency-Key", "k".repeat(300));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("Idempotency-Key");
        assertThat(leadsOfCompany()).isZero();
    }
}
