package com.calliyo.web.settings;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the Settings page tests share: the web client against one stub gateway (one Spring context for all of them),
 * signed in as an admin of a company in Asia/Kolkata, and the gateway's answers and records forgotten after each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SettingsPagesTestBase {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    Cookie admin;

    @BeforeEach
    void signInAsAdmin() {
        admin = new Cookie("calliyo_access", GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900)));
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
    }

    @AfterEach
    void forgetTheGateway() {
        GATEWAY.reset();
    }
}
