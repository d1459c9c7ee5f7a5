package com.calliyo.lead.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lead-service over real HTTP, as a client drives it: sign up a company, sign in, call the API with the token. Each
 * test signs up its own company, so tests never see each other's data.
 */
public final class LeadServiceApi {

    public static final String PASSWORD = "correct horse battery";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    public LeadServiceApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    /** Any lead-service API, e.g. a running stack's gateway. */
    public LeadServiceApi(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
    }

    public Response send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new company (in Asia/Kolkata) with its admin signed in. */
    public Company signUpCompany() {
        return signUpCompany("Asia/Kolkata");
    }

    /** A new company in {@code timezone} (an IANA id) with its admin signed in. */
    public Company signUpCompany(String timezone) {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        Response created = send("POST", "/api/companies", """
                {"companyName":"Acme Loans","timezone":"%s","adminName":"Asha Admin",
                 "adminEmail":"%s","adminPassword":"%s"}""".formatted(timezone, email, PASSWORD), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String companyId = created.json().get("companyId").asString();
        return new Company(companyId, created.json().get("adminUserId").asString(), login(companyId, email));
    }

    /** Adds a user with this role to the company (as its admin) and signs them in. */
    public User addUser(Company company, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response created = send("POST", "/api/users", """
                {"name":"%s user","email":"%s","password":"%s","role":"%s","leadCap":50}"""
                .formatted(role, email, PASSWORD, role), company.adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new User(created.json().get("id").asString(), email, login(company.id(), email));
    }

    public String login(String companyId, String email) {
        Response login = send("POST", "/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"}""".formatted(companyId, email, PASSWORD), null);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("accessToken").asString();
    }

    public record Company(String id, String adminUserId, String adminToken) {
    }

    public record User(String id, String email, String token) {
    }

    public record Response(int status, String body, HttpResponse<String> raw, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
