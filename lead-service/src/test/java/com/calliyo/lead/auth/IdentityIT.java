package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.LeadServiceApi.Response;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Companies, users, sign-in and token checks over real HTTP, on the real store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PasswordEncoder passwordEncoder;

    LeadServiceApi api;
    LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        api = new LeadServiceApi(port);
        company = api.signUpCompany();
    }

    @Test
    void shouldCreateTheCompanyWithItsDefaultPipelineAndSignInItsAdmin() {
        Response statuses = api.send("GET", "/api/settings/statuses", null, company.adminToken());
        Response profile = api.send("GET", "/api/settings/company", null, company.adminToken());

        assertThat(statuses.status()).as(statuses.body()).isEqualTo(200);
        assertThat(statuses.json().findValuesAsString("name")).containsExactly("Unassigned", "Assigned",
                "Followups", "Interested", "Not Interested", "Busy", "Not Picked", "Missed", "Wrong Number",
                "Customer");
        assertThat(profile.json().get("companyName").asString()).isEqualTo("Acme Loans");
        assertThat(profile.json().get("timezone").asString()).isEqualTo("Asia/Kolkata");
    }

    @Test
    void shouldIssueAnRs256TokenWithTheContractsClaimsVerifiableWithThePublishedKey() throws Exception {
        Response login = api.send("POST", "/api/auth/login", """
                {"email":"%s","password":"%s"}""".formatted(adminEmail(), LeadServiceApi.PASSWORD), null);
        Response jwks = api.send("GET", "/.well-known/jwks.json", null, null);

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.json().get("user").get("role").asString()).isEqualTo("ADMIN");
        assertThat(login.json().get("user").get("companyId").asString()).isEqualTo(company.id());
        SignedJWT token = SignedJWT.parse(login.json().get("accessToken").asString());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey published = (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(published.isPrivate()).isFalse();
        assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(published))).isTrue();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(company.adminUserId());
        assertThat(token.getJWTClaimsSet().getStringClaim("companyId")).isEqualTo(company.id());
        assertThat(token.getJWTClaimsSet().getStringClaim("role")).isEqualTo("ADMIN");
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("calliyo");
    }

    @Test
    void shouldRefuseWrongPasswordsAndUnknownEmailsAlike() {
        Response wrongPassword = api.send("POST", "/api/auth/login", """
                {"email":"%s","password":"not the password"}""".formatted(adminEmail()), null);
        Response unknown = api.send("POST", "/api/auth/login", """
                {"email":"nobody@example.com","password":"whatever-it-is"}""", null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
        assertThat(wrongPassword.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void shouldStoreOnlyAnAdaptiveHashOfThePassword() {
        org.bson.Document admin = mongo.getCollection("users").find(new org.bson.Document("_id", company.adminUserId()))
                .first();

        assertThat(admin.getString("passwordHash")).startsWith("{bcrypt}$2").doesNotContain(LeadServiceApi.PASSWORD);
        assertThat(passwordEncoder.matches(LeadServiceApi.PASSWORD, admin.getString("passwordHash"))).isTrue();
    }

    @Test
    void shouldLetAdminsManageUsersAndManagersOnlyReadThem() {
        LeadServiceApi.User manager = api.addUser(company, "MANAGER");
        LeadServiceApi.User agent = api.addUser(company, "AGENT");

        Response list = api.send("GET", "/api/users?size=10", null, manager.token());
        Response managerCreates = api.send("POST", "/api/users", """
                {"name":"X","email":"x@example.com","password":"long enough","role":"AGENT"}""", manager.token());
        Response agentLists = api.send("GET", "/api/users", null, agent.token());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isEqualTo(3);
        assertThat(list.json().get("items").findValuesAsString("role")).containsExactly("ADMIN", "MANAGER", "AGENT");
        assertThat(list.body()).doesNotContain("passwordHash");
        assertThat(managerCreates.status()).isEqualTo(403);
        assertThat(managerCreates.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(agentLists.status()).isEqualTo(403);
    }

    @Test
    void shouldKeepEmailsUniqueWithinACompanyButNotAcrossCompanies() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        LeadServiceApi.Company other = api.signUpCompany();

        Response sameCompany = api.send("POST", "/api/users", """
                {"name":"Twin","email":"%s","password":"long enough","role":"AGENT"}"""
                .formatted(agent.email().toUpperCase()), company.adminToken());
        Response otherCompany = api.send("POST", "/api/users", """
                {"name":"Twin","email":"%s","password":"%s","role":"AGENT"}"""
                .formatted(agent.email(), LeadServiceApi.PASSWORD), other.adminToken());

        assertThat(sameCompany.status()).isEqualTo(409);
        assertThat(sameCompany.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(otherCompany.status()).isEqualTo(201);
        assertThat(api.login(other.id(), agent.email())).isNotBlank();
    }

    @Test
    void shouldStopABannedUsersSignInAndTokensAndKeepThemOut() {
        LeadServiceApi.User agent = api.addUser(company, "AGENT");
        assertThat(api.send("GET", "/api/settings/company", null, agent.token()).status()).isEqualTo(200);

        Response ban = api.send("PATCH", "/api/users/" + agent.id(), "{\"banned\":true}", company.adminToken());
        Response withOldToken = api.send("GET", "/api/settings/company", null, agent.token());
        Response signIn = api.send("POST", "/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"}"""
                .formatted(company.id(), agent.email(), LeadServiceApi.PASSWORD), null);

        assertThat(ban.status()).as(ban.body()).isEqualTo(200);
        assertThat(ban.json().get("banned").asBoolean()).isTrue();
        assertThat(withOldToken.status()).isEqualTo(401);
        assertThat(withOldToken.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(signIn.status()).isEqualTo(401);
        assertThat(signIn.json().get("detail").asString()).contains("banned");
    }

    @Test
    void shouldNotLetAnAdminLockThemselfOut() {
        Response selfBan = api.send("PATCH", "/api/users/" + company.adminUserId(), "{\"banned\":true}",
                company.adminToken());

        assertThat(selfBan.status()).isEqualTo(409);
    }

    @Test
    void shouldNotShowOrChangeAnotherCompanysUsers() {
        LeadServiceApi.Company other = api.signUpCompany();

        assertThat(api.send("GET", "/api/users/" + other.adminUserId(), null, company.adminToken()).status())
                .isEqualTo(404);
        assertThat(api.send("PATCH", "/api/users/" + other.adminUserId(), "{\"banned\":true}",
                company.adminToken()).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/users", null, company.adminToken()).body())
                .doesNotContain(other.adminUserId());
    }

    @Test
    void shouldValidateTheCompanyProfileAndTheGstinCheckCharacter() {
        Response valid = api.send("PUT", "/api/settings/company", """
                {"companyName":"Acme Loans Pvt Ltd","phone":"+91 98765 43210","gstin":"27aapfu0939f1zv",
                 "address":"Pune","timezone":"Asia/Kolkata"}""", company.adminToken());
        Response wrongCheck = api.send("PUT", "/api/settings/company", """
                {"companyName":"Acme","gstin":"27AAPFU0939F1ZA","timezone":"Asia/Kolkata"}""", company.adminToken());
        Response badTimezone = api.send("PUT", "/api/settings/company", """
                {"companyName":"Acme","timezone":"Mars/Olympus"}""", company.adminToken());
        LeadServiceApi.User manager = api.addUser(company, "MANAGER");
        Response managerEdits = api.send("PUT", "/api/settings/company", """
                {"companyName":"Mine now","timezone":"Asia/Kolkata"}""", manager.token());

        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("gstin").asString()).isEqualTo("27AAPFU0939F1ZV");
        assertThat(valid.json().get("phone").asString()).isEqualTo("+919876543210");
        assertThat(wrongCheck.status()).isEqualTo(422);
        assertThat(wrongCheck.json().get("errors").get(0).get("field").asString()).isEqualTo("gstin");
        assertThat(wrongCheck.json().get("detail").asString()).contains("check character");
        assertThat(badTimezone.status()).isEqualTo(400);
        assertThat(badTimezone.json().get("errors").get(0).get("field").asString()).isEqualTo("timezone");
        assertThat(managerEdits.status()).isEqualTo(403);
    }

    @Test
    void shouldRejectSignUpsWithBadFieldsWithoutCreatingAnything() {
        long companiesBefore = mongo.getCollection("companies").countDocuments();
        Response badTimezone = api.send("POST", "/api/companies", """
                {"companyName":"X","timezone":"+05:30","adminName":"A","adminEmail":"a@example.com",
                 "adminPassword":"long enough"}""", null);
        Response shortPassword = api.send("POST", "/api/companies", """
                {"companyName":"X","timezone":"Asia/Kolkata","adminName":"A","adminEmail":"a@example.com",
                 "adminPassword":"short"}""", null);
        Response badEmail = api.send("POST", "/api/companies", """
                {"companyName":"X","timezone":"Asia/Kolkata","adminName":"A","adminEmail":"not-an-email",
                 "adminPassword":"long enough"}""", null);

        assertThat(badTimezone.status()).isEqualTo(400);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("adminPassword");
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("adminEmail");
        assertThat(mongo.getCollection("companies").countDocuments()).isEqualTo(companiesBefore);
    }

    @Test
    void shouldRefuseTheSigningKeyEndpointToEveryoneWithoutAnOperatorPassword() {
        // this context sets no lead.auth.operator-password: the endpoint is off, the key stays as it is
        String kid = keys.signingKey().getKeyID();
        String anyBasic = "Basic " + Base64.getEncoder().encodeToString("operator:".getBytes());

        for (String method : new String[] {"GET", "POST"}) {
            assertThat(api.send(method, "/actuator/signingkeys", null, company.adminToken()).status())
                    .as(method + " with an ADMIN's token").isEqualTo(401);
            assertThat(sendWithAuthorization(method, "/actuator/signingkeys", anyBasic))
                    .as(method + " as operator with an empty password").isEqualTo(401);
        }
        assertThat(keys.signingKey().getKeyID()).isEqualTo(kid);
    }

    private int sendWithAuthorization(String method, String path, String authorization) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", authorization)
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        Response noToken = api.send("GET", "/api/leads/" + UUID.randomUUID(), null, null);

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void shouldRejectExpiredForgedWrongIssuerAndUnsignedTokens() throws Exception {
        RSAKey ours = keys.signingKey();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(ours.getKeyID()).generate();
        Instant now = Instant.now();

        String expired = sign(ours, claims("calliyo", now.minusSeconds(3600), now.minusSeconds(60)));
        String forged = sign(stranger, claims("calliyo", now, now.plusSeconds(600)));
        String wrongIssuer = sign(ours, claims("someone-else", now, now.plusSeconds(600)));
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64(claims("calliyo", now, now.plusSeconds(600)).toString()) + ".";
        String fine = sign(ours, claims("calliyo", now, now.plusSeconds(600)));

        for (String token : new String[] {expired, forged, wrongIssuer, unsigned, "not-a-token"}) {
            Response response = api.send("GET", "/api/settings/company", null, token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        }
        assertThat(api.send("GET", "/api/settings/company", null, fine).status()).isEqualTo(200);
    }

    private JWTClaimsSet claims(String issuer, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(company.adminUserId())
                .claim("companyId", company.id()).claim("role", "ADMIN")
                .issueTime(java.util.Date.from(issuedAt)).expirationTime(java.util.Date.from(expiresAt)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String base64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes());
    }

    private String adminEmail() {
        return mongo.findOne(Query.query(Criteria.where("_id").is(company.adminUserId())),
                org.bson.Document.class, "users").getString("email");
    }
}
