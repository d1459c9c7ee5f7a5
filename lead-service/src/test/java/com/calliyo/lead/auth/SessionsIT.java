package com.calliyo.lead.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.lead.support.ShiftedClock;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.nimbusds.jwt.SignedJWT;
import io.cloudevents.CloudEvent;
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
 * Sessions over real HTTP on the real store and broker: login → access + refresh token, rotation, reuse detection,
 * sign-out, expiry (the service's clock is moved forward by hand) and what bans, role and password changes do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ShiftedClock.Installed.class)
class SessionsIT {

    private static final String SESSION_ENDED = "com.calliyo.company.session_ended";
    private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

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

    @Autowired
    SessionCleanup cleanup;

    TestClient http;
    LeadServiceApi.Company company;
    LeadServiceApi.User agent;

    @BeforeEach
    void signUp() {
        http = new TestClient(port);
        company = http.api.signUpCompany();
        agent = http.api.addUser(company, "AGENT");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldAnswerALoginWithAnAccessTokenAndARefreshTokenOfANewSession() throws Exception {
        Response login = login(agent, "pixel-8");

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).contains("no-store");
        JsonNode body = login.json();
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("user").get("id").asString()).isEqualTo(agent.id());
        assertThat(body.get("refreshExpiresIn").asLong()).isEqualTo(THIRTY_DAYS);
        String refreshToken = body.get("refreshToken").asString();
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
        String sessionId = body.get("sessionId").asString();
        assertThat(sid(body.get("accessToken").asString())).isEqualTo(sessionId);

        Document stored = mongo.getCollection("refresh_tokens").find(new Document("_id", sha256(refreshToken))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("sessionId")).isEqualTo(sessionId);
        assertThat(stored.getString("userId")).isEqualTo(agent.id());
        assertThat(stored.getString("companyId")).isEqualTo(company.id());
        assertThat(stored.getString("deviceId")).isEqualTo("pixel-8");
        assertThat(stored.toJson()).doesNotContain(refreshToken);
        assertThat(Duration.between(stored.getDate("issuedAt").toInstant(), stored.getDate("expiresAt").toInstant()))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldRefuseADeviceIdLongerThan100Characters() {
        Response login = http.send("POST", "/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s","deviceId":"%s"}""".formatted(company.id(),
                agent.email(), LeadServiceApi.PASSWORD, "d".repeat(101)), null);

        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().get("errors").get(0).get("field").asString()).isEqualTo("deviceId");
    }

    @Test
    void shouldRotateTheRefreshTokenAndKeepTheSession() throws Exception {
        JsonNode login = login(agent, null).json();

        Response refreshed = refresh(login.get("refreshToken").asString());

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.header("Cache-Control")).contains("no-store");
        JsonNode body = refreshed.json();
        String sessionId = login.get("sessionId").asString();
        assertThat(body.get("sessionId").asString()).isEqualTo(sessionId);
        assertThat(sid(body.get("accessToken").asString())).isEqualTo(sessionId);
        assertThat(body.get("refreshToken").asString()).isNotEqualTo(login.get("refreshToken").asString());
        assertThat(body.get("refreshExpiresIn").asLong()).isEqualTo(THIRTY_DAYS);
        assertThat(body.get("user").get("role").asString()).isEqualTo("AGENT");
        String newAccessToken = body.get("accessToken").asString();
        assertThat(http.send("GET", "/api/settings/company", null, newAccessToken).status()).isEqualTo(200);
        assertThat(refresh(body.get("refreshToken").asString()).status()).isEqualTo(200);
        Document old = mongo.getCollection("refresh_tokens")
                .find(new Document("_id", sha256(login.get("refreshToken").asString()))).first();
        assertThat(old.getString("state")).isEqualTo("USED");
    }

    @Test
    void shouldEndTheWholeSessionWhenARotatedTokenIsUsedAgain() {
        JsonNode login = login(agent, null).json();
        String first = login.get("refreshToken").asString();
        String second = refresh(first).json().get("refreshToken").asString();
        clock.shift = SignInSessions.CONCURRENT_REFRESH_LEEWAY.plusSeconds(1);

        Response reuse = refresh(first);
        Response newer = refresh(second);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(newer.status()).as("the newer token of the family is dead too").isEqualTo(401);
        JsonNode event = sessionEnded(login.get("sessionId").asString());
        assertThat(event.get("reason").asString()).isEqualTo("REFRESH_REUSE");
        assertThat(event.get("actorId").asString()).isEqualTo("system");
        assertThat(event.get("userId").asString()).isEqualTo(agent.id());
        assertThat(event.get("companyId").asString()).isEqualTo(company.id());
    }

    @Test
    void shouldRefuseButNotTreatAsTheftATokenPresentedAgainRightAfterItsRotation() {
        JsonNode login = login(agent, null).json();
        String first = login.get("refreshToken").asString();
        String second = refresh(first).json().get("refreshToken").asString();

        Response secondTab = refresh(first);

        assertThat(secondTab.status()).isEqualTo(401);
        assertThat(refresh(second).status()).as("the session lives on").isEqualTo(200);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentRefreshesWithOneTokenWin() throws Exception {
        String token = login(agent, null).json().get("refreshToken").asString();
        int attempts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return refresh(token).status();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }

            assertThat(answered).containsOnly(200, 401);
            assertThat(answered.stream().filter(status -> status == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnExpiredRefreshToken() {
        String token = login(agent, null).json().get("refreshToken").asString();

        clock.shift = Duration.ofDays(30).plusMinutes(1);
        Response expired = refresh(token);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void shouldSlideTheExpiryWithEveryRotation() {
        String first = login(agent, null).json().get("refreshToken").asString();

        clock.shift = Duration.ofDays(20);
        Response afterTwentyDays = refresh(first);
        clock.shift = Duration.ofDays(45);
        Response afterFortyFiveDays = refresh(afterTwentyDays.json().get("refreshToken").asString());

        assertThat(afterTwentyDays.status()).as(afterTwentyDays.body()).isEqualTo(200);
        assertThat(afterFortyFiveDays.status()).as("25 days after the rotation, 45 after the login")
                .isEqualTo(200);
        clock.shift = Duration.ofDays(75).plusMinutes(1);
        assertThat(refresh(afterFortyFiveDays.json().get("refreshToken").asString()).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseGarbageAndUnknownTokensAlikeAndNameAMissingField() {
        Response garbage = refresh("not a refresh token");
        Response unknown = refresh("A".repeat(43));
        Response missing = http.send("POST", "/api/auth/refresh", "{}", null);
        Response blank = http.send("POST", "/api/auth/refresh", "{\"refreshToken\":\"  \"}", null);

        for (Response refused : List.of(garbage, unknown)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.json().get("type").asString()).isNotBlank();
            assertThat(refused.json().get("title").asString()).isEqualTo("Unauthorized");
            assertThat(refused.json().get("detail").asString()).contains("sign in again");
        }
        assertThat(garbage.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
        for (Response invalid : List.of(missing, blank)) {
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("refreshToken");
        }
    }

    @Test
    void shouldEndTheSessionOnLogoutAndRevokeItsRefreshToken() {
        JsonNode login = login(agent, null).json();
        String accessToken = login.get("accessToken").asString();
        String refreshToken = login.get("refreshToken").asString();

        Response logout = http.send("POST", "/api/auth/logout", null, accessToken);
        Response refreshAfter = refresh(refreshToken);
        Response secondLogout = http.send("POST", "/api/auth/logout", null, accessToken);

        assertThat(logout.status()).as(logout.body()).isEqualTo(204);
        assertThat(refreshAfter.status()).isEqualTo(401);
        assertThat(secondLogout.status()).isEqualTo(401);
        assertThat(secondLogout.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode event = sessionEnded(login.get("sessionId").asString());
        assertThat(event.get("reason").asString()).isEqualTo("LOGOUT");
        assertThat(event.get("actorId").asString()).isEqualTo(agent.id());
        assertThat(event.get("occurredAt").asString()).isNotBlank();
    }

    @Test
    void shouldRefuseTheSignedOutAccessTokenWithinSecondsButKeepTheOtherSessions() {
        String signedOut = login(agent, null).json().get("accessToken").asString();
        String otherDevice = login(agent, null).json().get("accessToken").asString();
        assertThat(http.send("GET", "/api/leads", null, signedOut).status()).isEqualTo(200);

        assertThat(http.send("POST", "/api/auth/logout", null, signedOut).status()).isEqualTo(204);

        // The session_ended event comes back through the revocation feed (token-check), as in every service.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(http.send("GET", "/api/leads", null, signedOut).status()).isEqualTo(401));
        assertThat(http.send("GET", "/api/leads", null, otherDevice).status()).isEqualTo(200);
    }

    @Test
    void shouldEndEverySessionOfTheUserOnARoleChange() {
        JsonNode phone = login(agent, "phone").json();
        JsonNode laptop = login(agent, "laptop").json();

        Response promote = http.send("PATCH", "/api/users/" + agent.id(), "{\"role\":\"MANAGER\"}",
                company.adminToken());

        assertThat(promote.status()).as(promote.body()).isEqualTo(200);
        for (JsonNode session : List.of(phone, laptop)) {
            JsonNode event = sessionEnded(session.get("sessionId").asString());
            assertThat(event.get("reason").asString()).isEqualTo("REVOKED");
            assertThat(event.get("userId").asString()).isEqualTo(agent.id());
        }
    }

    @Test
    void shouldLogOutOnlyWithARefreshTokenOfTheCallersOwnSession() {
        JsonNode mine = login(agent, null).json();
        JsonNode other = login(agent, null).json();

        Response foreign = http.send("POST", "/api/auth/logout", """
                {"refreshToken":"%s"}""".formatted(other.get("refreshToken").asString()),
                mine.get("accessToken").asString());
        Response blank = http.send("POST", "/api/auth/logout", "{\"refreshToken\":\"\"}",
                mine.get("accessToken").asString());
        Response own = http.send("POST", "/api/auth/logout", """
                {"refreshToken":"%s"}""".formatted(mine.get("refreshToken").asString()),
                mine.get("accessToken").asString());

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("refreshToken");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(own.status()).as(own.body()).isEqualTo(204);
        assertThat(refresh(other.get("refreshToken").asString()).status())
                .as("the other session is untouched").isEqualTo(200);
    }

    @Test
    void shouldAskForAnAccessTokenToLogOut() {
        Response anonymous = http.send("POST", "/api/auth/logout", null, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void shouldRevokeRefreshTokensOnABanAndRefuseThem() {
        String token = login(agent, null).json().get("refreshToken").asString();

        Response ban = http.send("PATCH", "/api/users/" + agent.id(), "{\"banned\":true}", company.adminToken());

        assertThat(ban.status()).as(ban.body()).isEqualTo(200);
        assertThat(storedState(token)).isEqualTo("REVOKED");
        assertThat(refresh(token).status()).isEqualTo(401);
    }

    @Test
    void shouldRevokeRefreshTokensOnAPasswordChange() {
        String token = login(agent, null).json().get("refreshToken").asString();

        Response change = http.send("PATCH", "/api/users/" + agent.id(), "{\"password\":\"another long one\"}",
                company.adminToken());

        assertThat(change.status()).as(change.body()).isEqualTo(200);
        assertThat(storedState(token)).isEqualTo("REVOKED");
        assertThat(refresh(token).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseARefreshAfterARoleChangeButNotAfterARename() {
        String beforeRename = login(agent, null).json().get("refreshToken").asString();
        http.send("PATCH", "/api/users/" + agent.id(), "{\"name\":\"Renamed\"}", company.adminToken());
        Response afterRename = refresh(beforeRename);
        assertThat(afterRename.status()).as(afterRename.body()).isEqualTo(200);

        Response promote = http.send("PATCH", "/api/users/" + agent.id(), "{\"role\":\"MANAGER\"}",
                company.adminToken());

        assertThat(promote.status()).as(promote.body()).isEqualTo(200);
        assertThat(refresh(afterRename.json().get("refreshToken").asString()).status()).isEqualTo(401);
        JsonNode again = login(agent, null).json();
        assertThat(again.get("user").get("role").asString()).isEqualTo("MANAGER");
        assertThat(refresh(again.get("refreshToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void shouldDeleteExpiredRefreshTokensAndSessions() {
        JsonNode login = login(agent, null).json();
        String token = login.get("refreshToken").asString();
        String sessionId = login.get("sessionId").asString();

        clock.shift = Duration.ofDays(29);
        cleanup.deleteExpired();
        assertThat(storedState(token)).isEqualTo("LIVE");
        clock.shift = Duration.ofDays(31);
        cleanup.deleteExpired();

        assertThat(mongo.getCollection("refresh_tokens").find(new Document("_id", sha256(token))).first()).isNull();
        assertThat(mongo.getCollection("sessions").find(new Document("_id", sessionId)).first()).isNull();
    }

    @Test
    void shouldDescribeRefreshAsPublicAndLogoutAsSignedInInTheOpenApiDescription() {
        JsonNode paths = http.send("GET", "/v3/api-docs", null, null).json().get("paths");

        JsonNode refresh = paths.get("/api/auth/refresh").get("post");
        JsonNode logout = paths.get("/api/auth/logout").get("post");
        assertThat(refresh.get("security").isArray()).isTrue();
        assertThat(refresh.get("security").size()).as("no token needed").isZero();
        assertThat(logout.has("security")).as("the default: a bearer token").isFalse();
        assertThat(refresh.get("summary").asString()).contains("Rotate");
        assertThat(logout.get("summary").asString()).contains("Sign out");
    }

    private Response login(LeadServiceApi.User user, String deviceId) {
        String device = deviceId == null ? "" : ",\"deviceId\":\"" + deviceId + "\"";
        Response login = http.send("POST", "/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"%s}""".formatted(company.id(), user.email(),
                LeadServiceApi.PASSWORD, device), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login;
    }

    private Response refresh(String refreshToken) {
        return http.send("POST", "/api/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(refreshToken), null);
    }

    private String storedState(String refreshToken) {
        return mongo.getCollection("refresh_tokens").find(new Document("_id", sha256(refreshToken))).first()
                .getString("state");
    }

    /** The session's session_ended event, read back from the broker: keyed by companyId, subject the userId. */
    private JsonNode sessionEnded(String sessionId) {
        List<CloudEvent> events = http.events(LeadEventTopics.COMPANY_EVENTS, company.id(),
                found -> found.stream().anyMatch(e -> e.getType().equals(SESSION_ENDED)
                        && http.data(e).get("sessionId").asString().equals(sessionId)));
        List<CloudEvent> ended = events.stream().filter(e -> e.getType().equals(SESSION_ENDED)
                && http.data(e).get("sessionId").asString().equals(sessionId)).toList();
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).getSubject()).isEqualTo(agent.id());
        assertThat(ended.get(0).getDataSchema().toString()).endsWith("company.session_ended/v1");
        return http.data(ended.get(0));
    }

    private static String sid(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
