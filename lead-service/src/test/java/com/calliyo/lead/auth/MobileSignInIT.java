package com.calliyo.lead.auth;

import java.time.Duration;

import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.Phones;
import com.calliyo.lead.support.ShiftedClock;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-in by mobile number and mPIN over real HTTP on the real store and broker: the product's three messages, the
 * lockout (the service's clock is moved past it), mPIN change and reset, and a number shared by two companies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ShiftedClock.Installed.class)
class MobileSignInIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    ShiftedClock clock;

    @Autowired
    MongoTemplate mongo;

    TestClient http;
    Phones phones;
    LeadServiceApi.Company company;
    String mobile;
    String agentId;

    @BeforeEach
    void agentWithMpin() {
        http = new TestClient(port);
        phones = new Phones(http);
        company = http.api.signUpCompany();
        mobile = Phones.newMobile();
        agentId = phones.agentWithMpin(company, mobile, "4321");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldSignInWithTenDigitsOrE164IntoAMobileSessionWithTheWebSignInsTokens() throws Exception {
        Response national = phones.login(mobile.substring(3), "4321");
        Response e164 = phones.login(mobile, "4321");

        assertThat(national.status()).as(national.body()).isEqualTo(200);
        assertThat(e164.status()).isEqualTo(200);
        assertThat(national.header("Cache-Control")).contains("no-store");
        JsonNode body = national.json();
        assertThat(body.get("user").get("id").asString()).isEqualTo(agentId);
        assertThat(body.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
        var claims = SignedJWT.parse(body.get("accessToken").asString()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("channel")).isEqualTo("mobile");
        assertThat(claims.getStringClaim("companyId")).isEqualTo(company.id());
        assertThat(mongo.getCollection("mpins").find(new Document("_id", agentId)).first().toJson())
                .doesNotContain("4321");
        assertThat(http.send("GET", "/api/tasks", null, body.get("accessToken").asString()).status()).isEqualTo(200);
        Response refreshed = http.send("POST", "/api/auth/refresh",
                "{\"refreshToken\":\"%s\"}".formatted(body.get("refreshToken").asString()), null);
        assertThat(SignedJWT.parse(refreshed.json().get("accessToken").asString()).getJWTClaimsSet()
                .getStringClaim("channel")).isEqualTo("mobile");
    }

    @Test
    void shouldAnswerTheProductsThreeMessages() {
        Response badMobile = phones.login("98-76", "4321");
        Response unknownMobile = phones.login(Phones.newMobile(), "4321");
        Response badMpin = phones.login(mobile, "12a4");
        Response wrongMpin = phones.login(mobile, "1111");
        http.send("PATCH", "/api/users/" + agentId, "{\"banned\":true}", company.adminToken());
        Response banned = phones.login(mobile, "4321");

        assertProblem(badMobile, 400, "mobile", "Invalid mobile number");
        assertProblem(unknownMobile, 401, "mobile", "Invalid mobile number");
        assertProblem(badMpin, 400, "mpin", "Invalid M-PIN");
        assertProblem(wrongMpin, 401, "mpin", "Invalid M-PIN");
        assertProblem(banned, 401, "mobile", "User is banned / inactive");
    }

    @Test
    void shouldLockTheMpinForFifteenMinutesAfterFiveWrongOnes() {
        for (int i = 0; i < 4; i++) {
            assertThat(phones.login(mobile, "0000").status()).isEqualTo(401);
        }
        Response fifth = phones.login(mobile, "0000");
        Response rightButLocked = phones.login(mobile, "4321");

        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.header("Content-Type")).contains("application/problem+json");
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(890L, 900L);
        assertThat(rightButLocked.status()).isEqualTo(429);
        clock.shift = Duration.ofMinutes(15).plusSeconds(1);
        assertThat(phones.login(mobile, "4321").status()).isEqualTo(200);
    }

    @Test
    void shouldForgetWrongGuessesAfterARightOne() {
        for (int i = 0; i < 4; i++) {
            phones.login(mobile, "0000");
        }
        assertThat(phones.login(mobile, "4321").status()).isEqualTo(200);

        assertThat(phones.login(mobile, "0000").status()).isEqualTo(401);
    }

    @Test
    void shouldChangeTheOwnMpinKnowingTheCurrentOne() {
        String token = phones.token(mobile, "4321");

        Response wrongCurrent = change(token, "9999", "2468", "2468");
        Response mismatch = change(token, "4321", "2468", "2469");
        Response tooShort = change(token, "4321", "246", "246");
        Response changed = change(token, "4321", "2468", "2468");

        assertProblem(wrongCurrent, 400, "current", "Invalid M-PIN");
        assertProblem(mismatch, 400, "confirm", "does not match the new M-PIN");
        assertProblem(tooShort, 400, "new", "must be 4 digits");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(phones.login(mobile, "4321").status()).isEqualTo(401);
        assertThat(phones.login(mobile, "2468").status()).isEqualTo(200);
    }

    @Test
    void shouldEndOnlyTheMobileSessionsWhenAnAdminResetsTheMpin() {
        Response mobileLogin = phones.login(mobile, "4321");
        String mobileToken = mobileLogin.json().get("accessToken").asString();
        String mobileRefresh = mobileLogin.json().get("refreshToken").asString();
        Response webLogin = http.send("POST", "/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"}""".formatted(company.id(),
                userEmail(), LeadServiceApi.PASSWORD), null);
        String webToken = webLogin.json().get("accessToken").asString();

        Response reset = phones.resetMpin(company, agentId, null);

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("mpin").asString()).matches("[0-9]{4}");
        assertThat(reset.json().get("mobileSessionsEnded").asInt()).isEqualTo(1);
        assertThat(http.send("POST", "/api/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(mobileRefresh), null)
                .status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.send("GET", "/api/tasks", null, mobileToken).status()).isEqualTo(401));
        assertThat(http.send("GET", "/api/tasks", null, webToken).status()).isEqualTo(200);
        assertThat(phones.login(mobile, reset.json().get("mpin").asString()).status()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyAnAdminOfTheSameCompanyResetAnMpin() {
        String agentToken = phones.token(mobile, "4321");
        LeadServiceApi.Company other = http.api.signUpCompany();

        assertThat(http.send("POST", "/api/users/" + agentId + "/mpin-reset", null, agentToken).status())
                .isEqualTo(403);
        assertThat(phones.resetMpin(other, agentId, "1234").status()).isEqualTo(404);
        assertProblem(phones.resetMpin(company, agentId, "12345"), 400, "mpin", "must be 4 digits");
    }

    @Test
    void shouldAskForTheCompanyWhenTheNumberAndMpinFitTwoCompanies() {
        LeadServiceApi.Company other = http.api.signUpCompany();
        String otherAgent = phones.agentWithMpin(other, mobile, "4321");

        Response ambiguous = phones.login(mobile, "4321");
        Response chosen = http.send("POST", "/api/agents/auth/login", """
                {"mobile":"%s","mpin":"4321","companyCode":"%s"}""".formatted(mobile, other.id()), null);

        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.json().get("choices")).hasSize(2);
        assertThat((Iterable<JsonNode>) ambiguous.json().get("choices")).extracting(choice -> choice.get("companyCode")
                .asString()).containsExactlyInAnyOrder(company.id(), other.id());
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("user").get("id").asString()).isEqualTo(otherAgent);
    }

    private Response change(String token, String current, String next, String confirm) {
        return http.send("PUT", "/api/agents/mpin", """
                {"current":"%s","new":"%s","confirm":"%s"}""".formatted(current, next, confirm), token);
    }

    private String userEmail() {
        return mongo.getCollection("users").find(new Document("_id", agentId)).first().getString("email");
    }

    private static void assertProblem(Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo(message);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
    }
}
