package com.calliyo.web.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cookie session against a stubbed gateway: sign-in, refresh before expiry and after a 401, sign-out, CSRF. */
@SpringBootTest
@AutoConfigureMockMvc
class CookieSessionTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final String EMPTY_LEADS = "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    /** Each test its own: the refresher remembers a rotation for a while, across tests of one context. */
    final String refresh = "refresh-" + java.util.UUID.randomUUID();

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldKeepTheTokensInHttpOnlySameSiteCookiesAndLandAgentsOnTasks() throws Exception {
        String access = GATEWAY.accessToken("user-1", "AGENT", Instant.now().plusSeconds(900));
        GATEWAY.answer("POST /api/auth/login", new Answer(200, GATEWAY.grant(access, "refresh-1", "AGENT")));

        MvcResult result = mvc.perform(post("/sign-in").with(csrf())
                        .param("email", "asha@example.com").param("password", "secret-password").param("next", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tasks"))
                .andReturn();

        List<String> cookies = result.getResponse().getHeaders("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("calliyo_")).hasSize(3)
                .allSatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("calliyo_refresh=refresh-1;"));
        assertThat(GATEWAY.received("POST /api/auth/login").get(0).body()).contains("\"deviceId\":\"web-app\"");
    }

    @Test
    void shouldMarkTheCookiesSecureWhenThePageCameOverHttps() throws Exception {
        String access = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));
        GATEWAY.answer("POST /api/auth/login", new Answer(200, GATEWAY.grant(access, "refresh-1", "ADMIN")));

        MvcResult result = mvc.perform(post("/sign-in").secure(true).with(csrf())
                        .param("email", "asha@example.com").param("password", "secret-password")
                        .param("next", "/leads/lead-7"))
                .andExpect(redirectedUrl("/leads/lead-7"))
                .andReturn();

        assertThat(result.getResponse().getHeaders("Set-Cookie")).filteredOn(c -> c.startsWith("calliyo_"))
                .allSatisfy(c -> assertThat(c).contains("Secure", "HttpOnly"));
    }

    @Test
    void shouldRefuseAStateChangingRequestWithoutTheCsrfToken() throws Exception {
        String access = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));

        mvc.perform(post("/leads/lead-1/notes").cookie(session(access, refresh)).param("text", "hello"))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/denied"))
                .andExpect(request().attribute(DeniedController.CSRF, true));

        assertThat(GATEWAY.received("POST /api/leads")).isEmpty();
    }

    @Test
    void shouldRefreshATokenCloseToExpiryBeforeTheRequestIsSent() throws Exception {
        String old = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(30));
        String fresh = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));
        GATEWAY.answer("POST /api/auth/refresh", new Answer(200, GATEWAY.grant(fresh, "refresh-2", "ADMIN")));
        GATEWAY.answer("POST /api/leads/lead-1/notes", new Answer(201, "{}"));

        MvcResult result = mvc.perform(post("/leads/lead-1/notes").with(csrf()).cookie(session(old, refresh))
                        .param("text", "typed for minutes"))
                .andExpect(redirectedUrl("/leads/lead-1"))
                .andReturn();

        assertThat(GATEWAY.received("POST /api/auth/refresh")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains(refresh));
        assertThat(GATEWAY.received("POST /api/leads/lead-1/notes")).singleElement()
                .satisfies(r -> {
                    assertThat(r.authorization()).isEqualTo("Bearer " + fresh);
                    assertThat(r.body()).contains("typed for minutes");
                });
        assertThat(result.getResponse().getHeaders("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("calliyo_refresh=refresh-2;"));
    }

    @Test
    void shouldRefreshOnceAndSendTheSameRequestAgainWhenTheApiAnswers401() throws Exception {
        String revoked = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));
        String fresh = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));
        GATEWAY.answer("POST /api/auth/refresh", new Answer(200, GATEWAY.grant(fresh, "refresh-2", "ADMIN")));
        GATEWAY.answer("POST /api/leads/lead-1/notes",
                new Answer(401, "{\"status\":401,\"title\":\"Unauthorized\"}"), new Answer(201, "{}"));

        mvc.perform(post("/leads/lead-1/notes").with(csrf()).cookie(session(revoked, refresh))
                        .param("text", "kept"))
                .andExpect(redirectedUrl("/leads/lead-1"));

        assertThat(GATEWAY.received("POST /api/leads/lead-1/notes")).extracting(StubGateway.Received::authorization)
                .containsExactly("Bearer " + revoked, "Bearer " + fresh);
        assertThat(GATEWAY.received("POST /api/auth/refresh")).hasSize(1);
    }

    @Test
    void shouldSendToSignInAndBackToTheSamePageWhenTheSessionCannotBeRenewed() throws Exception {
        String expired = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().minusSeconds(10));
        GATEWAY.answer("POST /api/auth/refresh", new Answer(401, "{\"status\":401,\"detail\":\"sign in again\"}"));

        MvcResult result = mvc.perform(get("/leads?q=ravi").cookie(session(expired, refresh)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/sign-in?next=%2Fleads%3Fq%3Dravi"))
                .andReturn();

        assertThat(result.getResponse().getHeaders("Set-Cookie")).filteredOn(c -> c.startsWith("calliyo_"))
                .hasSize(3).allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void shouldRedirectHtmxRequestsThroughAHeaderToTheirPage() throws Exception {
        String expired = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().minusSeconds(10));
        GATEWAY.answer("POST /api/auth/refresh", new Answer(401, "{\"status\":401}"));

        mvc.perform(post("/leads/lead-1/calls").with(csrf()).cookie(session(expired, refresh))
                        .header("HX-Request", "true").header("HX-Current-URL", "http://app.example/leads/lead-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/sign-in?next=%2Fleads%2Flead-1"));
    }

    @Test
    void shouldSignOutByEndingTheSessionAtTheApiAndForgettingTheCookies() throws Exception {
        String access = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));
        GATEWAY.answer("POST /api/auth/logout", new Answer(204, ""));

        MvcResult result = mvc.perform(post("/sign-out").with(csrf()).cookie(session(access, refresh)))
                .andExpect(redirectedUrl("/sign-in?signedOut"))
                .andReturn();

        assertThat(GATEWAY.received("POST /api/auth/logout")).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + access);
            assertThat(r.body()).contains("\"refreshToken\":\"" + refresh + "\"");
        });
        assertThat(result.getResponse().getHeaders("Set-Cookie")).filteredOn(c -> c.startsWith("calliyo_"))
                .allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void shouldNotTrustACookieSignedWithAnotherKey() throws Exception {
        String forged = new StubGateway().accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900));

        mvc.perform(get("/settings").cookie(session(forged, null)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/sign-in?next=%2Fsettings"));
    }

    @Test
    void shouldNotTrustATokenOfAnotherIssuer() throws Exception {
        String foreign = GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900), "someone-else");

        mvc.perform(get("/settings").cookie(session(foreign, null)))
                .andExpect(redirectedUrl("/sign-in?next=%2Fsettings"));
    }

    @Test
    void shouldRefuseSettingsToAnAgentSayingWhatTheRoleCannotDo() throws Exception {
        String agent = GATEWAY.accessToken("user-2", "AGENT", Instant.now().plusSeconds(900));

        mvc.perform(get("/settings").cookie(session(agent, refresh)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/denied"));
        // MockMvc does not follow forwards: the page the forward renders, asked for the same way.
        mvc.perform(get("/denied").cookie(session(agent, refresh))
                        .requestAttr("jakarta.servlet.forward.request_uri", "/settings"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Settings are for admins. Your role (Agent) cannot change company settings")));
        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void shouldHideSettingsFromAgentsAndShowItToAdmins() throws Exception {
        GATEWAY.answer("GET /api/leads", new Answer(200, EMPTY_LEADS));
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, "[]"));
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));

        String agentPage = mvc.perform(get("/leads").cookie(session(
                        GATEWAY.accessToken("user-2", "AGENT", Instant.now().plusSeconds(900)), "r")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String adminPage = mvc.perform(get("/leads").cookie(session(
                        GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900)), "r")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(agentPage).contains(">Leads</a>", ">Customers</a>").doesNotContain(">Settings</a>");
        assertThat(adminPage).contains(">Settings</a>");
    }

    static Cookie[] session(String access, String refresh) {
        return Arrays.stream(new Cookie[] {new Cookie("calliyo_access", access),
                        refresh == null ? null : new Cookie("calliyo_refresh", refresh),
                        new Cookie("calliyo_name", "Asha")})
                .filter(java.util.Objects::nonNull).toArray(Cookie[]::new);
    }
}
