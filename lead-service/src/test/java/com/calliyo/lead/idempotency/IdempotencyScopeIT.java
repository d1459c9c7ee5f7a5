package com.calliyo.lead.idempotency;

import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key belongs to whoever sent it: one user's key never answers, or blocks, another caller. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyScopeIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    private TestClient client;
    private LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        client = new TestClient(port);
        company = client.api.signUpCompany();
    }

    @Test
    void shouldKeepTheSameKeyApartForTwoUsersOfOneCompany() {
        String first = client.token(company, "AGENT");
        String second = client.token(company, "AGENT");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());

        Response mine = client.send("POST", "/api/leads", lead(uniqueMobile()), first, key);
        Response theirs = client.send("POST", "/api/leads", lead(uniqueMobile()), second, key);
        Response mineAgain = client.send("POST", "/api/leads", lead(uniqueMobile()), first, key);

        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("id").asString()).isNotEqualTo(mine.json().get("id").asString());
        assertThat(mineAgain.status()).as("the key still guards its own user's requests").isEqualTo(409);
    }

    @Test
    void shouldNotReplayAUsersAnswerToAnotherUserSendingTheSameRequest() {
        String first = client.token(company, "AGENT");
        String second = client.token(company, "AGENT");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        String body = lead(uniqueMobile());

        Response mine = client.send("POST", "/api/leads", body, first, key);
        Response theirs = client.send("POST", "/api/leads", body, second, key);

        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        // the phone is taken now: the second user gets the plain duplicate answer, not the first user's 201
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(409);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.body()).doesNotContain("Idempotency-Key");
    }

    @Test
    void shouldKeepAnApiKeysKeysApartFromTheUsersOfItsCompany() {
        Response issued = client.send("POST", "/api/settings/api-keys",
                "{\"name\":\"Zoho\",\"scopes\":[\"leads:read\",\"leads:write\"]}", company.adminToken());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());

        Response byAdmin = client.send("POST", "/api/leads", lead(uniqueMobile()), company.adminToken(), key);
        Response byApiKey = client.send("POST", "/api/leads", lead(uniqueMobile()),
                issued.json().get("token").asString(), key);

        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        assertThat(byApiKey.status()).as(byApiKey.body()).isEqualTo(201);
        assertThat(byApiKey.json().get("id").asString()).isNotEqualTo(byAdmin.json().get("id").asString());
    }

    @Test
    void shouldTreatTheSameJsonWrittenDifferentlyAsTheSameRequest() {
        String agent = client.token(company, "AGENT");
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        String phone = uniqueMobile();

        Response first = client.send("POST", "/api/leads",
                "{\"firstName\":\"Asha\",\"phone\":\"%s\"}".formatted(phone), agent, key);
        Response reordered = client.send("POST", "/api/leads",
                "{ \"phone\" : \"%s\",\n \"firstName\" : \"Asha\" }".formatted(phone), agent, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(201);
        assertThat(reordered.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reordered.body()).isEqualTo(first.body());
    }

    private static String lead(String phone) {
        return "{\"firstName\":\"Asha\",\"phone\":\"%s\"}".formatted(phone);
    }

    private static String uniqueMobile() {
        long suffix = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L);
        return "+9196" + String.format("%08d", suffix);
    }
}
