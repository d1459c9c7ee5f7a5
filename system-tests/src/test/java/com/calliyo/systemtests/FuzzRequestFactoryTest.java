package com.calliyo.systemtests;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzzer's requests, without a stack: a seed replays them, and they stay on the description's paths. */
class FuzzRequestFactoryTest {

    static final JsonNode DESCRIPTION = Gateway.JSON.readTree("""
            {"openapi":"3.1.0","paths":{
              "/api/orders":{"get":{"parameters":[
                  {"name":"leadId","in":"query","schema":{"type":"string"}},
                  {"name":"page","in":"query","schema":{"type":"integer","minimum":0}},
                  {"name":"Authorization","in":"header","schema":{"type":"string"}}]},
                "post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/CreateOrder"}}}}}},
              "/api/orders/{id}":{"patch":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                  "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/ChangePayment"}}}}}}},
             "components":{"schemas":{
               "CreateOrder":{"type":"object","properties":{"leadId":{"type":"string"},"amount":{"type":"number"},
                   "paymentStatus":{"type":"string","enum":["PENDING","PAID"]}},"required":["leadId"]},
               "ChangePayment":{"type":"object","properties":{"paymentStatus":{"type":"string","enum":["PENDING","PAID"]}}}}}}
            """);

    static final List<OpenApiOperation> OPERATIONS = OpenApiDescriptions.operationsOf("order-service", DESCRIPTION);

    @Test
    void shouldReadEveryOperationWithItsParametersAndBodySchema() {
        assertThat(OPERATIONS).extracting(OpenApiOperation::toString)
                .containsExactly("GET /api/orders", "POST /api/orders", "PATCH /api/orders/{id}");
        OpenApiOperation create = OPERATIONS.get(1);
        assertThat(create.bodyMediaType()).isEqualTo("application/json");
        assertThat(create.schemas().resolve(create.bodySchema()).path("required").get(0).asString())
                .isEqualTo("leadId");
    }

    @Test
    void shouldMakeTheSameRequestsFromTheSameSeed() {
        assertThat(requests(42, 300)).isEqualTo(requests(42, 300));
        assertThat(requests(42, 300)).isNotEqualTo(requests(43, 300));
    }

    @Test
    void shouldStayOnTheDescribedPathsAndNeverTouchTheToken() {
        Pattern described = Pattern.compile("/api/orders(/[^/?]+)?(\\?.*)?");

        for (FuzzRequest request : fuzz(7, 500)) {
            assertThat(request.pathAndQuery()).matches(described);
            assertThat(request.pathAndQuery().length()).isLessThan(4_000);
            assertThat(request.headers()).doesNotContainKey("Authorization");
        }
    }

    @Test
    void shouldUseTheCompanysRealIdsForPartOfTheRequests() {
        List<FuzzRequest> requests = fuzz(11, 600);

        assertThat(requests).anyMatch(request -> request.pathAndQuery().equals("/api/orders/order-own"));
        assertThat(requests).anyMatch(request -> request.pathAndQuery().equals("/api/orders/order-other"));
        assertThat(requests).anyMatch(request -> request.body() != null
                && request.body().contains("\"leadId\":\"customer-own\""));
        assertThat(requests).anyMatch(request -> request.bodyKind().equals("invalid JSON"));
    }

    private static List<String> requests(long seed, int count) {
        return fuzz(seed, count).stream().map(FuzzRequest::toString).toList();
    }

    private static List<FuzzRequest> fuzz(long seed, int count) {
        Random random = new Random(seed);
        FuzzRequestFactory factory = new FuzzRequestFactory(random, company("own"), company("other"));
        return IntStream.range(0, count).mapToObj(i -> factory.next(OPERATIONS.get(i % OPERATIONS.size()))).toList();
    }

    private static FuzzCompany company(String name) {
        Gateway gateway = new Gateway("http://127.0.0.1:9");
        Map<String, String> ids = Map.of("userId", "agent-" + name, "statusId", "status-" + name,
                "leadId", "lead-" + name, "followUpId", "follow-up-" + name, "keyId", "key-" + name,
                "orderId", "order-" + name, "companyId", "company-" + name);
        return new FuzzCompany(new Tenant("company-" + name, gateway, gateway, gateway, ids, "customer-" + name, true),
                "target-" + name, "api-key-" + name);
    }
}
