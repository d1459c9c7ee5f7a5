package com.calliyo.lead.support;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents with a mobile number and an mPIN, as an admin sets them up for the phone client. */
public final class Phones {

    private final TestClient http;

    public Phones(TestClient http) {
        this.http = http;
    }

    /** A random Indian mobile number in E.164 (+91 and ten digits starting with 9). */
    public static String newMobile() {
        return "+919%09d".formatted(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));
    }

    /** Adds an agent with this mobile number and sets their mPIN (the admin's reset); returns the agent's id. */
    public String agentWithMpin(LeadServiceApi.Company company, String mobile, String mpin) {
        LeadServiceApi.Response created = http.send("POST", "/api/users", """
                {"name":"Mobile agent","email":"m-%s@example.com","password":"%s","role":"AGENT","phone":"%s"}"""
                .formatted(UUID.randomUUID(), LeadServiceApi.PASSWORD, mobile), company.adminToken());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        LeadServiceApi.Response reset = resetMpin(company, id, mpin);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        return id;
    }

    public LeadServiceApi.Response resetMpin(LeadServiceApi.Company company, String userId, String mpin) {
        return http.send("POST", "/api/users/" + userId + "/mpin-reset",
                mpin == null ? null : "{\"mpin\":\"%s\"}".formatted(mpin), company.adminToken());
    }

    public LeadServiceApi.Response login(String mobile, String mpin) {
        return http.send("POST", "/api/agents/auth/login",
                "{\"mobile\":\"%s\",\"mpin\":\"%s\"}".formatted(mobile, mpin), null);
    }

    /** The access token of a mobile sign-in that must succeed. */
    public String token(String mobile, String mpin) {
        LeadServiceApi.Response login = login(mobile, mpin);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("accessToken").asString();
    }
}
