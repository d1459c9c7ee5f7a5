package com.calliyo.lead.apikey;

import java.util.List;
import java.util.Set;

import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Public API keys over real HTTP and the authenticator the security layer calls, on the real store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiKeyIT {

    private static final String KEYS = "/api/settings/api-keys";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyAuthenticator authenticator;

    private LeadServiceApi api;
    private LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
    }

    @Test
    void shouldShowTheTokenOnceAuthenticateWithItAndStopItOnRegenerateAndRevoke() {
        Response created = admin("POST", KEYS, "{\"name\":\"Zoho production\",\"scopes\":[\"leads:write\","
                + "\"leads:read\",\"statuses:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String keyId = created.json().get("id").asString();
        String token = created.json().get("token").asString();
        assertThat(token).startsWith("ck_live_");
        assertThat(created.json().get("scopes").toString())
                .isEqualTo("[\"leads:read\",\"leads:write\",\"statuses:read\"]");

        Response listed = admin("GET", KEYS, null);
        assertThat(listed.body()).doesNotContain(token).doesNotContain("\"token\"").doesNotContain("tokenHash");
        JsonNode item = listed.json().get("items").get(0);
        assertThat(item.get("name").asString()).isEqualTo("Zoho production");
        assertThat(item.get("scopes").size()).isEqualTo(3);
        assertThat(item.get("createdAt").isNull()).isFalse();
        assertThat(item.get("lastUsedAt").isNull()).isTrue();

        assertThat(authenticator.authenticate(token)).hasValueSatisfying(principal -> {
            assertThat(principal.companyId()).isEqualTo(company.id());
            assertThat(principal.apiKeyId()).isEqualTo(keyId);
            assertThat(principal.scopes()).isEqualTo(Set.of(ApiScope.LEADS_READ, ApiScope.LEADS_WRITE,
                    ApiScope.STATUSES_READ));
            assertThat(principal.toCaller().isApiKey()).isTrue();
        });
        assertThat(admin("GET", KEYS, null).json().get("items").get(0).get("lastUsedAt").isNull()).isFalse();

        Response regenerated = admin("POST", KEYS + "/" + keyId + "/token", null);
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        String newToken = regenerated.json().get("token").asString();
        assertThat(newToken).startsWith("ck_live_").isNotEqualTo(token);
        assertThat(authenticator.authenticate(token)).isEmpty();
        assertThat(authenticator.authenticate(newToken)).isPresent();

        assertThat(admin("DELETE", KEYS + "/" + keyId, null).status()).isEqualTo(204);
        assertThat(authenticator.authenticate(newToken)).isEmpty();
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isZero();
        assertThat(admin("DELETE", KEYS + "/" + keyId, null).status()).isEqualTo(404);
        assertThat(admin("POST", KEYS + "/" + keyId + "/token", null).status()).isEqualTo(404);
    }

    @Test
    void shouldNotAuthenticateTokensThatAreNotLiveKeys() {
        String token = createKey("[\"leads:read\"]");

        assertThat(authenticator.authenticate(null)).isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
        assertThat(authenticator.authenticate(company.adminToken())).isEmpty();
        assertThat(authenticator.authenticate(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(authenticator.authenticate(token + "x")).isEmpty();
        assertThat(authenticator.authenticate(token.replace("ck_live_", "wh_live_"))).isEmpty();
        assertThat(authenticator.authenticate(SecretTokens.hash(token))).isEmpty();
        assertThat(authenticator.authenticate("ck_live_" + "a".repeat(5_000))).isEmpty();
    }

    @Test
    void shouldNameTheFieldOfABadKey() {
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"Looker\",\"scopes\":[\"leads:read\",\"leads:delete\"]}")))
                .isEqualTo("scopes[1]");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"Looker\",\"scopes\":[\"LEADS:READ\"]}")))
                .isEqualTo("scopes[0]");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"Looker\",\"scopes\":[]}"))).isEqualTo("scopes");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"Looker\"}"))).isEqualTo("scopes");
        assertThat(badField(admin("POST", KEYS, "{\"scopes\":[\"leads:read\"]}"))).isEqualTo("name");
        assertThat(badField(admin("POST", KEYS, "{\"name\":\"Looker\",\"scopes\":\"leads:read\"}")))
                .isEqualTo("scopes");
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isZero();
    }

    @Test
    void shouldHideOtherCompaniesKeys() {
        createKey("[\"leads:read\"]");
        String keyId = admin("GET", KEYS, null).json().get("items").get(0).get("id").asString();
        LeadServiceApi.Company other = api.signUpCompany();

        assertThat(api.send("DELETE", KEYS + "/" + keyId, null, other.adminToken()).status()).isEqualTo(404);
        assertThat(api.send("POST", KEYS + "/" + keyId + "/token", null, other.adminToken()).status())
                .isEqualTo(404);
        assertThat(api.send("GET", KEYS, null, other.adminToken()).json().get("total").asLong()).isZero();
    }

    @Test
    void shouldLetOnlyAdminsManageKeys() {
        createKey("[\"leads:read\"]");
        String keyId = admin("GET", KEYS, null).json().get("items").get(0).get("id").asString();
        for (String role : List.of("MANAGER", "AGENT")) {
            String token = api.addUser(company, role).token();
            assertThat(api.send("POST", KEYS, "{\"name\":\"Mine\",\"scopes\":[\"leads:read\"]}", token).status())
                    .as(role).isEqualTo(403);
            assertThat(api.send("GET", KEYS, null, token).status()).as(role).isEqualTo(403);
            assertThat(api.send("POST", KEYS + "/" + keyId + "/token", null, token).status()).as(role).isEqualTo(403);
            assertThat(api.send("DELETE", KEYS + "/" + keyId, null, token).status()).as(role).isEqualTo(403);
        }
        assertThat(admin("GET", KEYS, null).json().get("total").asLong()).isEqualTo(1);
    }

    private String createKey(String scopes) {
        Response created = admin("POST", KEYS, "{\"name\":\"Key\",\"scopes\":" + scopes + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private Response admin(String method, String path, String body) {
        return api.send(method, path, body, company.adminToken());
    }

    private static String badField(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }
}
