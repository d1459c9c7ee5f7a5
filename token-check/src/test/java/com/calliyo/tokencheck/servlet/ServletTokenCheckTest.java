package com.calliyo.tokencheck.servlet;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.calliyo.lead.events.SessionEnded;
import com.calliyo.lead.events.UserChanged;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.revocation.RevokedAccess;
import com.calliyo.tokencheck.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
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
@WebMvcTest(controllers = ServletTokenCheckTest.CallerProbe.class)
@Import({ServletTokenCheck.class, ServletTokenCheckTest.CallerProbe.class})
@TestPropertySource(properties = "calliyo.token-check.public-key-location="
        + "classpath:security/test-token-key.pub.pem")
class ServletTokenCheckTest {

    private static final String COMPANY = "company-a";

    @Autowired
    MockMvc mvc;

    @Autowired
    RevokedAccess revoked;

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
    void shouldAnswerAHostilePathAsAProblemNotAnEmpty400() throws Exception {
        mvc.perform(get(URI.create("/api/probe/..%2f..%2fadmin")).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(COMPANY, Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void shouldRefuseAControlCharacterInAHeaderValueAsAProblemButNotATab() throws Exception {
        // the firewall checks a header when it is read: the token is
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(COMPANY, Role.AGENT) + "\u0001"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(COMPANY, Role.AGENT).replace(' ', '\t')))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void shouldNotKeepASession() throws Exception {
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void shouldRefuseEveryTokenOfABannedUser() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.issued(COMPANY, user, Role.AGENT, Instant.now(), "session-1");
        revoked.apply(userChanged(user, 2, true, Instant.now()));

        expectInvalidToken(token);
    }

    @Test
    void shouldRefuseTokensIssuedBeforeARoleOrPasswordChangeButAcceptNewerOnes() throws Exception {
        String user = "user-" + UUID.randomUUID();
        Instant change = Instant.now();
        String older = TestTokens.issued(COMPANY, user, Role.AGENT, change.minusSeconds(5), "session-1");
        String newer = TestTokens.issued(COMPANY, user, Role.MANAGER, change, "session-2");
        revoked.apply(userChanged(user, 3, false, change));

        expectInvalidToken(older);
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + newer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("MANAGER"));
    }

    @Test
    void shouldRefuseTheTokensOfAnEndedSessionOnly() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String signedOut = TestTokens.issued(COMPANY, user, Role.AGENT, Instant.now(), "session-out");
        String otherDevice = TestTokens.issued(COMPANY, user, Role.AGENT, Instant.now(), "session-in");
        revoked.apply(new SessionEnded(COMPANY, user, "session-out", Instant.now(), user, SessionEnded.LOGOUT));

        expectInvalidToken(signedOut);
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherDevice))
                .andExpect(status().isOk());
    }

    @Test
    void shouldIgnoreAnOlderUserChangeThatArrivesLate() throws Exception {
        String user = "user-" + UUID.randomUUID();
        String token = TestTokens.issued(COMPANY, user, Role.AGENT, Instant.now(), "session-1");
        revoked.apply(userChanged(user, 5, false, Instant.now().minusSeconds(60)));
        revoked.apply(userChanged(user, 4, true, Instant.now().minusSeconds(90)));

        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
    }

    private static UserChanged userChanged(String user, long version, boolean banned, Instant tokensValidAfter) {
        return new UserChanged(COMPANY, user, version, tokensValidAfter, "admin-1", "Agent", "AGENT", banned,
                tokensValidAfter);
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
