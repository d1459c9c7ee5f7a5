package com.calliyo.tokencheck.servlet;

import java.io.IOException;
import java.net.ServerSocket;

import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No public key configured and lead-service's key set unreachable: the caller learns it is an outage. */
@WebMvcTest(controllers = ServletTokenCheckTest.CallerProbe.class)
@Import({ServletTokenCheck.class, ServletTokenCheckTest.CallerProbe.class})
class KeySetOutageTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void unreachableKeySet(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("calliyo.token-check.jwk-set-uri",
                () -> "http://127.0.0.1:" + closedPort + "/.well-known/jwks.json");
    }

    @Test
    void shouldAnswer503ProblemWhenTheKeySetCannotBeFetched() throws Exception {
        mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("company-a", Role.ADMIN)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Cannot verify the access token"));
    }

    @Test
    void shouldStillAnswer401WithoutAToken() throws Exception {
        mvc.perform(get("/api/probe"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
