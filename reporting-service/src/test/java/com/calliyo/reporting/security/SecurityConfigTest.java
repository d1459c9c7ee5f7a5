package com.calliyo.reporting.security;

import com.calliyo.reporting.TestTokens;
import com.calliyo.reporting.caller.Caller;
import com.calliyo.reporting.caller.CallerResolver;
import com.calliyo.reporting.caller.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The security filters in front of a probe endpoint that answers with the resolved caller. */
@WebMvcTest(controllers = SecurityConfigTest.CallerProbe.class)
@Import({SecurityConfig.class, CallerResolver.class, SecurityConfigTest.CallerProbe.class})
@ActiveProfiles("test")
class SecurityConfigTest {

    private static final String COMPANY = "company-a";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldResolveTheCallerFromTheTokenOnly() throws Exception {
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.AGENT))
                        .header("X-Company-Id", "company-b")
                        .param("companyId", "company-b"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.companyId").value(COMPANY))
                .andExpect(jsonPath("$.userId").value(startsWith("user-")))
                .andExpect(jsonPath("$.role").value("AGENT"));
    }

    @Test
    void shouldAnswer401ProblemWhenNoTokenIsSent() throws Exception {
        expectUnauthorized(mvc.perform(get("/api/probe")))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(jsonPath("$.detail").value("Sign in first: send Authorization: Bearer <access token>"));
    }

    @Test
    void shouldAnswer401WhenTheTokenExpired() throws Exception {
        expectInvalidToken(TestTokens.expired(COMPANY));
    }

    @Test
    void shouldAnswer401WhenTheTokenIsSignedByAnotherKey() throws Exception {
        expectInvalidToken(TestTokens.signedByAnotherKey(COMPANY));
    }

    @Test
    void shouldAnswer401WhenTheIssuerIsWrong() throws Exception {
        expectInvalidToken(TestTokens.withIssuer(COMPANY, "someone-else"));
    }

    @Test
    void shouldAnswer401WhenTheTokenIsUnsigned() throws Exception {
        expectInvalidToken(TestTokens.unsigned(COMPANY));
    }

    @Test
    void shouldAnswer401WhenTheTokenNamesNoCompany() throws Exception {
        expectInvalidToken(TestTokens.withoutClaim(COMPANY, "companyId"));
    }

    @Test
    void shouldAnswer401WhenTheTokenNamesNoUser() throws Exception {
        expectInvalidToken(TestTokens.withoutClaim(COMPANY, "sub"));
    }

    @Test
    void shouldAnswer401WhenTheRoleIsUnknown() throws Exception {
        expectInvalidToken(TestTokens.withClaim(COMPANY, "role", "OWNER"));
    }

    @Test
    void shouldAnswer401WhenTheTokenIsGarbage() throws Exception {
        expectInvalidToken("not-a-token");
    }

    @Test
    void shouldAnswer403ProblemWhenTheCallerMayNotDoIt() throws Exception {
        mvc.perform(post("/api/probe/forbidden").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(COMPANY, Role.AGENT)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("Forbidden"))
                .andExpect(jsonPath("$.instance").value("/api/probe/forbidden"));
    }

    @Test
    void shouldNeedATokenOutsideTheApiAndTheOpenActuatorEndpointsToo() throws Exception {
        expectUnauthorized(mvc.perform(get("/actuator/env")));
        expectUnauthorized(mvc.perform(get("/")));
    }

    @Test
    void shouldNotKeepASession() throws Exception {
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    private void expectInvalidToken(String token) throws Exception {
        expectUnauthorized(mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.detail").value(startsWith("The access token is invalid or expired")));
    }

    private static ResultActions expectUnauthorized(ResultActions result) throws Exception {
        return result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @RestController
    static class CallerProbe {

        private final CallerResolver callers;

        CallerProbe(CallerResolver callers) {
            this.callers = callers;
        }

        @GetMapping("/api/probe")
        Caller caller() {
            return callers.current();
        }

        /** Stands in for a role check in a use case: it throws, the security filters answer. */
        @PostMapping("/api/probe/forbidden")
        void forbidden() {
            throw new AccessDeniedException("agents may not");
        }
    }
}
