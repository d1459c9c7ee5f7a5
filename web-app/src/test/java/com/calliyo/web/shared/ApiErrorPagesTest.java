package com.calliyo.web.shared;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API problems as the user sees them: beside the field, in the product's words, never a stack trace. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiErrorPagesTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    Cookie access;

    @BeforeEach
    void signIn() {
        access = new Cookie("calliyo_access", GATEWAY.accessToken("user-2", "AGENT", Instant.now().plusSeconds(900)));
    }

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldShowAFieldErrorBesideItsFieldAndKeepTheInput() throws Exception {
        GATEWAY.answer("POST /api/leads", new Answer(400, """
                {"status":400,"title":"Bad Request","detail":"Check the highlighted fields",
                 "errors":[{"field":"phone","message":"Not a phone number"}]}"""));

        String page = mvc.perform(post("/leads").with(csrf()).cookie(access)
                        .param("firstName", "Ravi").param("phone", "12").param("idempotencyKey", "key-1"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Check the highlighted fields")
                .contains("id=\"phone-error\"", "Not a phone number", "aria-describedby=\"phone-error\"")
                .contains("value=\"Ravi\"");
        assertThat(GATEWAY.received("POST /api/leads").get(0).authorization()).startsWith("Bearer ");
    }

    @Test
    void shouldLinkTheExistingLeadForADuplicatePhone() throws Exception {
        GATEWAY.answer("POST /api/leads", new Answer(409, """
                {"status":409,"title":"Conflict","detail":"A lead with this phone already exists",
                 "existingLeadId":"lead-42"}"""));

        String page = mvc.perform(post("/leads").with(csrf()).cookie(access)
                        .param("firstName", "Ravi").param("phone", "9876543210").param("idempotencyKey", "key-1"))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("A lead with this phone already exists").contains("href=\"/leads/lead-42\"")
                .contains("Open the existing lead");
    }

    @Test
    void shouldKeepTheInputAndTheIdempotencyKeyBehindATryAgainBannerOn503() throws Exception {
        GATEWAY.answer("POST /api/leads", new Answer(503,
                "{\"status\":503,\"title\":\"Service unavailable\",\"detail\":\"lead-service is not answering\"}"));

        String page = mvc.perform(post("/leads").with(csrf()).cookie(access)
                        .param("firstName", "Ravi").param("phone", "9876543210").param("idempotencyKey", "key-1"))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Try again.", "What you typed is kept").contains("value=\"9876543210\"")
                .contains("value=\"key-1\"");
    }

    @Test
    void shouldSendTheSameIdempotencyKeyOnARetry() throws Exception {
        GATEWAY.answer("POST /api/leads", new Answer(201, """
                {"id":"lead-9","firstName":"Ravi","phone":"+919876543210","version":1}"""));

        mvc.perform(post("/leads").with(csrf()).cookie(access)
                .param("firstName", "Ravi").param("phone", "9876543210").param("idempotencyKey", "key-7"));

        assertThat(GATEWAY.received("POST /api/leads")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"firstName\":\"Ravi\""));
    }

    @Test
    void shouldSayWhatTheRoleCannotDoOn403() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(403,
                "{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"only admins and managers may assign leads\"}"));

        String page = mvc.perform(get("/leads/lead-1").cookie(access))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your role (Agent) cannot do this: only admins and managers may assign leads");
    }

    @Test
    void shouldAnswerAnUnreachableGatewayWithATryAgainPageAndNoStackTrace() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(500, "java.lang.IllegalStateException: boom\n\tat com.x"));

        String page = mvc.perform(get("/leads/lead-1").cookie(access))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Something went wrong on our side").doesNotContain("IllegalStateException", "\tat ");
    }
}
