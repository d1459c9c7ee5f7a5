package com.calliyo.web.pwa;

import com.calliyo.web.StubGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What makes the client installable is served before anyone signs in, and every page points at it. */
@SpringBootTest
@AutoConfigureMockMvc
class InstallableClientTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldServeTheManifestTheServiceWorkerAndTheOfflinePageWithoutASession() throws Exception {
        var manifest = mvc.perform(get("/manifest.webmanifest")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(manifest.getContentType()).startsWith("application/manifest+json");
        assertThat(manifest.getContentAsString()).contains("\"name\": \"Calliyo\"", "\"start_url\": \"/\"",
                "\"display\": \"standalone\"", "/icons/calliyo-192.png", "/icons/calliyo-512.png");

        var worker = mvc.perform(get("/sw.js")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(worker.getContentType()).contains("javascript");
        assertThat(worker.getContentAsString()).contains("/offline.html");

        assertThat(mvc.perform(get("/offline.html")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("You are offline");
        mvc.perform(get("/icons/calliyo-512.png")).andExpect(status().isOk());
    }

    @Test
    void shouldPointEveryPageAtTheManifest() throws Exception {
        String signIn = mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(signIn).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">",
                "<meta name=\"theme-color\" content=\"#0d6efd\">");
    }
}
