package com.calliyo.lead.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing-key rotation over real HTTP on the real store: old tokens stay valid, the key set publishes both keys, new
 * tokens carry the new kid, another instance follows, the operator endpoint refuses users, and requests made while
 * the keys rotate all succeed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lead.auth.operator-password=" + SigningKeyRotationIT.OPERATOR_PASSWORD)
@ActiveProfiles("test")
class SigningKeyRotationIT {

    static final String OPERATOR_PASSWORD = "operator-password-for-tests";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SigningKeyProperties properties;

    final HttpClient http = HttpClient.newHttpClient();
    LeadServiceApi api;
    LeadServiceApi.Company company;
    LeadServiceApi.User admin;

    @BeforeEach
    void signUp() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
        admin = api.addUser(company, "ADMIN");
    }

    @Test
    void shouldKeepOldTokensValidPublishBothKeysAndSignNewTokensWithTheNewKey() throws Exception {
        String oldToken = admin.token();
        String oldKid = kid(oldToken);

        HttpResponse<String> rotation = operator("POST", OPERATOR_PASSWORD);

        assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
        String newKid = json(rotation.body()).get("currentKid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(api.send("GET", "/api/settings/company", null, oldToken).status())
                .as("a token signed before the rotation").isEqualTo(200);

        Response jwks = api.send("GET", "/.well-known/jwks.json", null, null);
        JWKSet published = JWKSet.parse(jwks.body());
        assertThat(published.getKeys()).extracting(JWK::getKeyID).startsWith(newKid).contains(oldKid);
        for (JWK key : published.getKeys()) {
            assertThat(key.isPrivate()).as(key.getKeyID()).isFalse();
            assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        }
        assertThat(jwks.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");

        String newToken = api.login(company.id(), admin.email());
        assertThat(kid(newToken)).isEqualTo(newKid);
        assertThat(SignedJWT.parse(newToken).verify(new RSASSAVerifier((RSAKey) published.getKeyByKeyId(newKid))))
                .isTrue();
        assertThat(SignedJWT.parse(oldToken).verify(new RSASSAVerifier((RSAKey) published.getKeyByKeyId(oldKid))))
                .isTrue();
        assertThat(api.send("GET", "/api/settings/company", null, newToken).status()).isEqualTo(200);

        HttpResponse<String> listing = operator("GET", OPERATOR_PASSWORD);
        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode ring = json(listing.body());
        assertThat(ring.get("currentKid").asString()).isEqualTo(newKid);
        assertThat(ring.get("keys").findValuesAsString("kid")).startsWith(newKid).contains(oldKid);
        assertThat(ring.get("keys").findValuesAsString("state")).startsWith("current").contains("previous");
        assertThat(ring.get("keys").get(0).get("createdAt").asString()).isNotBlank();
        assertThat(listing.body()).doesNotContain("privateKey", "encryptedPrivateKey", "publicKey", "\"d\"");
    }

    @Test
    void shouldLetAnotherInstanceFollowARotationBothWays() throws Exception {
        SigningKeys other = new SigningKeys(new SigningKeyStore(mongo), Clock.systemUTC(),
                SigningKeys.encryption(properties), Duration.ofDays(30), Duration.ofMinutes(16), false);
        RSAKey otherBefore = other.signingKey();

        // this instance rotates: a token the other instance signed before it noticed is still accepted here
        String rotatedHere = json(operator("POST", OPERATOR_PASSWORD).body()).get("currentKid").asString();
        assertThat(other.signer().kid()).as("not refreshed yet").isEqualTo(otherBefore.getKeyID());
        assertThat(api.send("GET", "/api/settings/company", null, sign(otherBefore)).status()).isEqualTo(200);
        other.refresh();
        assertThat(other.signer().kid()).isEqualTo(rotatedHere);

        // the other instance rotates: its first token is accepted here at once, before the 10 s refresh
        String rotatedThere = other.rotate().current().kid();
        Response fromOther = api.send("GET", "/api/settings/company", null, sign(other.signingKey()));
        assertThat(fromOther.status()).as(fromOther.body()).isEqualTo(200);
        assertThat(kid(api.login(company.id(), admin.email()))).isEqualTo(rotatedThere);
        assertThat(JWKSet.parse(api.send("GET", "/.well-known/jwks.json", null, null).body()).getKeys())
                .extracting(JWK::getKeyID).startsWith(rotatedThere, rotatedHere);
    }

    @Test
    void shouldRefuseTheOperatorEndpointToUsersAndWrongPasswords() {
        String kid = kid(admin.token());
        long version = json(operator("GET", OPERATOR_PASSWORD).body()).get("version").asLong();

        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> withUserToken = send(method, "Bearer " + admin.token());
            HttpResponse<String> withWrongPassword = operator(method, "not the password");
            HttpResponse<String> anonymous = send(method, null);
            assertThat(withUserToken.statusCode()).as(method + " with an ADMIN user's token").isEqualTo(401);
            assertThat(withWrongPassword.statusCode()).as(method + " with a wrong password").isEqualTo(401);
            assertThat(anonymous.statusCode()).as(method + " without credentials").isEqualTo(401);
        }

        assertThat(json(operator("GET", OPERATOR_PASSWORD).body()).get("version").asLong()).isEqualTo(version);
        assertThat(kid(api.login(company.id(), admin.email()))).isEqualTo(kid);
    }

    @Test
    void shouldAnswerEveryRequestMadeWhileTheKeysRotate() throws Exception {
        int clients = 4;
        int rotations = 5;
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Set<String> kidsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> loops = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                LeadServiceApi.User user = api.addUser(company, i % 2 == 0 ? "AGENT" : "MANAGER");
                loops.add(pool.submit(() -> {
                    String kept = user.token();
                    int round = 0;
                    while (running.get()) {
                        // alternately a token from before (signed with an older key) and a fresh sign-in
                        String token = round++ % 3 == 0 ? api.login(company.id(), user.email()) : kept;
                        kidsSeen.add(kid(token));
                        Response response = api.send("GET", "/api/settings/company", null, token);
                        requests.incrementAndGet();
                        if (response.status() != 200) {
                            failures.merge(response.status() + " " + response.body(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < rotations; i++) {
                Thread.sleep(400);
                HttpResponse<String> rotation = operator("POST", OPERATOR_PASSWORD);
                assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(200);
            }
            Thread.sleep(400);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            pool.shutdownNow();
        }

        System.out.printf("Rotation under traffic: %d requests from %d clients during %d rotations, %d kids seen,"
                + " failures %s%n", requests.get(), clients, rotations, kidsSeen.size(), failures);
        assertThat(failures).isEmpty();
        assertThat(requests.get()).isGreaterThan(clients * rotations);
        assertThat(kidsSeen.size()).as("tokens from several keys were used").isGreaterThan(2);
    }

    HttpResponse<String> operator(String method, String password) {
        return send(method, "Basic " + Base64.getEncoder().encodeToString(
                (OperatorSecurityConfig.OPERATOR + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(String method, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/signingkeys"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An admin token as another instance would sign it. */
    String sign(RSAKey key) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("calliyo").subject(company.adminUserId())
                .claim("companyId", company.id()).claim("role", "ADMIN")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    JsonNode json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
    }
}
