package com.calliyo.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite as a phone client sees it through the gateway: sign-in by mobile number and mPIN with the product's
 * messages, the lockout, the attendance gate before and after check-in, an admin's mPIN reset ending the phone's
 * session, reminders polled with ETags, and two devices editing one lead (If-Match → 412). The automatic check-out
 * needs a clock the test controls and is tested in lead-service ({@code AttendanceIT}).
 */
class MobileAgentIT {

    final Suite suite = Suite.shared();
    final Gateway anonymous = suite.gateway();

    @Test
    void shouldSignInByMobileAndMpinWithTheProductsMessages() {
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
        Phone phone = Phone.create(company, "2580");

        Gateway.Response signedIn = phone.login("2580");
        Gateway.Response tasks = anonymous.as(signedIn.json().get("accessToken").asString()).get("/api/tasks");
        Gateway.Response badMobile = anonymous.post("/api/agents/auth/login", "{\"mobile\":\"12\",\"mpin\":\"2580\"}");
        Gateway.Response wrongMpin = phone.login("0852");
        company.gateway().patch("/api/users/" + phone.userId(), "{\"banned\":true}");
        Gateway.Response banned = phone.login("2580");

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertProblem(badMobile, 400, "Invalid mobile number");
        assertProblem(wrongMpin, 401, "Invalid M-PIN");
        assertProblem(banned, 401, "User is banned / inactive");
    }

    @Test
    void shouldLockTheMpinAfterFiveWrongOnes() {
        Phone phone = Phone.create(Scenario.signUpCompany(anonymous), "1357");
        for (int i = 0; i < 4; i++) {
            assertThat(phone.login("9999").status()).isEqualTo(401);
        }

        Gateway.Response locked = phone.login("9999");
        Gateway.Response rightButLocked = phone.login("1357");

        assertProblem(locked, 429, locked.json().get("detail").asString());
        assertThat(locked.json().get("title").asString()).isEqualTo("M-PIN locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(rightButLocked.status()).isEqualTo(429);
    }

    @Test
    void shouldKeepTasksLockedUntilTheAgentChecksIn() {
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
        Gateway agent = Phone.create(company, "4680").signIn();
        Gateway.Response required = company.gateway().put("/api/settings/mobile",
                "{\"mpinLength\":4,\"requireAttendance\":true}");
        assertThat(required.status()).as(required.body()).isEqualTo(200);

        Gateway.Response before = agent.get("/api/tasks");
        Gateway.Response checkIn = agent.post("/api/agents/attendance/checkin",
                "{\"gps\":{\"lat\":19.07,\"lon\":72.87,\"accuracyMetres\":8}}");
        Gateway.Response after = agent.get("/api/tasks");

        assertProblem(before, 423, "Check in to see your tasks");
        assertThat(company.gateway().get("/api/tasks").status()).as("admins are never gated").isEqualTo(200);
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(201);
        assertThat(after.status()).isEqualTo(200);
        assertThat(agent.get("/api/agents/attendance/today").json().get("checkedIn").asBoolean()).isTrue();
    }

    @Test
    void shouldEndThePhonesSessionWhenAnAdminResetsTheMpin() {
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
        Phone phone = Phone.create(company, "1122");
        Gateway agent = phone.signIn();
        assertThat(agent.get("/api/tasks").status()).isEqualTo(200);

        Gateway.Response reset = company.gateway().post("/api/users/" + phone.userId() + "/mpin-reset",
                "{\"mpin\":\"3344\"}");

        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        await().atMost(RevocationIT.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(agent.get("/api/tasks").status()).isEqualTo(401));
        assertThat(phone.login("1122").status()).isEqualTo(401);
        assertThat(phone.login("3344").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer304ToARemindersPollAndRefuseALostUpdate() {
        Scenario.SignedIn company = Scenario.signUpCompany(anonymous);
        Phone phone = Phone.create(company, "5566");
        Gateway agent = phone.signIn();
        String leadId = Scenario.captureLead(company.gateway(), "mobile-" + UUID.randomUUID());
        assertThat(company.gateway().put("/api/leads/" + leadId + "/assignee",
                "{\"agentId\":\"%s\"}".formatted(phone.userId())).status()).isEqualTo(200);
        Instant at = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(agent.post("/api/leads/" + leadId + "/follow-ups", "{\"scheduledAt\":\"%s\"}".formatted(at))
                .status()).isEqualTo(201);

        Gateway.Response reminders = agent.get("/api/agents/follow-ups/today");
        Gateway.Response unchanged = agent.send("GET", "/api/agents/follow-ups/today", null,
                Map.of("If-None-Match", reminders.header("ETag")));

        assertThat(reminders.status()).as(reminders.body()).isEqualTo(200);
        assertThat(reminders.json().get("followUps").get(0).get("alarms")).hasSize(2);
        assertThat(unchanged.status()).isEqualTo(304);

        String etag = agent.get("/api/leads/" + leadId).header("ETag");
        Gateway.Response first = agent.send("PATCH", "/api/leads/" + leadId, "{\"lastName\":\"Rao\"}",
                Map.of("If-Match", etag));
        Gateway.Response second = agent.send("PATCH", "/api/leads/" + leadId, "{\"lastName\":\"Nair\"}",
                Map.of("If-Match", etag));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertProblem(second, 412, second.json().get("detail").asString());
    }

    private static void assertProblem(Gateway.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }

    /** An agent with a mobile number and an mPIN set by the admin, and the phone that signs in as them. */
    record Phone(Gateway anonymous, String mobile, String userId, String mpin) {

        static Phone create(Scenario.SignedIn company, String mpin) {
            String mobile = Scenario.uniqueIndianMobile();
            Gateway.Response created = company.gateway().post("/api/users", """
                    {"name":"Phone Agent","email":"phone-%s@example.com","password":"%s","role":"AGENT",
                     "phone":"%s"}""".formatted(UUID.randomUUID(), Scenario.PASSWORD, mobile));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String userId = created.json().get("id").asString();
            Gateway.Response reset = company.gateway().post("/api/users/" + userId + "/mpin-reset",
                    "{\"mpin\":\"%s\"}".formatted(mpin));
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
            return new Phone(company.gateway().as(null), mobile, userId, mpin);
        }

        /** The phone sends the ten national digits, as the product's sign-in screen takes them. */
        Gateway.Response login(String pin) {
            return anonymous.post("/api/agents/auth/login",
                    "{\"mobile\":\"%s\",\"mpin\":\"%s\"}".formatted(mobile.substring(3), pin));
        }

        Gateway signIn() {
            Gateway.Response login = login(mpin);
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            return anonymous.as(login.json().get("accessToken").asString());
        }
    }
}
