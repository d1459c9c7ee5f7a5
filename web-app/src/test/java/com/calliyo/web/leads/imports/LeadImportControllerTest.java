package com.calliyo.web.leads.imports;

import java.nio.charset.StandardCharsets;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Import CSV": the dry-run preview, the background import and its progress, refusals beside the file. */
@SpringBootTest
@AutoConfigureMockMvc
class LeadImportControllerTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final String CSV = """
            First Name,phone,E-mail,Notes
            Ravi,+919876543210,ravi@example.com,call after 6
            Meena,12,meena@example.com,
            """;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    Cookie access;

    @BeforeEach
    void signIn() {
        access = new Cookie("calliyo_access", GATEWAY.accessToken("admin-1", "ADMIN", Instant.now().plusSeconds(900)));
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
    }

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldPreviewTheMappingTheRowsAndTheDryRunsRowErrors() throws Exception {
        GATEWAY.answer("POST /api/leads/imports", new Answer(200, """
                {"imported":1,"skippedDuplicates":0,"errors":1,"rowErrors":[{"row":2,"message":"phone is not valid"}],
                 "rowErrorsTruncated":false,"dryRun":true}"""));

        mvc.perform(multipart("/leads/import/preview").file(csv(CSV)).with(csrf()).cookie(access))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("First name"), containsString("Ignored"),
                        containsString("Row 2: phone is not valid"), containsString("1 leads would be imported"),
                        containsString("Meena"))));

        assertThat(GATEWAY.received("POST /api/leads/imports")).singleElement().satisfies(sent -> {
            assertThat(sent.path()).isEqualTo("/api/leads/imports?dryRun=true");
            assertThat(sent.body()).contains("filename=\"leads.csv\"", "Ravi,+919876543210");
        });
    }

    @Test
    void shouldStartTheImportInTheBackgroundAndFollowItsProgress() throws Exception {
        GATEWAY.answer("POST /api/leads/imports", new Answer(202, """
                {"id":"job-1","state":"RUNNING","imported":0,"skippedDuplicates":0,"errors":0,"rowErrorsTruncated":false}"""));

        mvc.perform(multipart("/leads/import").file(csv(CSV)).param("idempotencyKey", "key-1").with(csrf())
                        .cookie(access))
                .andExpect(redirectedUrl("/leads/import/job-1?rows=2"));
        assertThat(GATEWAY.received("POST /api/leads/imports")).singleElement().satisfies(sent -> {
            assertThat(sent.path()).isEqualTo("/api/leads/imports");
            assertThat(sent.header("Prefer")).isEqualTo("respond-async");
            assertThat(sent.header("Idempotency-Key")).isEqualTo("key-1");
        });

        GATEWAY.answer("GET /api/leads/imports/job-1", new Answer(200, """
                {"id":"job-1","state":"RUNNING","fileName":"leads.csv","imported":1,"skippedDuplicates":0,"errors":0}"""));
        mvc.perform(get("/leads/import/job-1").param("rows", "2").cookie(access))
                .andExpect(content().string(allOf(containsString("value=\"50\""), containsString("hx-trigger=\"every 1s\""),
                        containsString("1 of 2 rows done."))));

        GATEWAY.answer("GET /api/leads/imports/job-1", new Answer(200, """
                {"id":"job-1","state":"SUCCEEDED","fileName":"leads.csv","imported":1,"skippedDuplicates":0,"errors":1,
                 "rowErrors":[{"row":2,"message":"phone is not valid"}]}"""));
        mvc.perform(get("/leads/import/job-1").param("rows", "2").cookie(access))
                .andExpect(content().string(allOf(containsString("Import summary"),
                        containsString("1 leads imported, 0 skipped as duplicates, 1 rows with errors."),
                        not(containsString("hx-trigger")))));
    }

    @Test
    void shouldShowAnUnreadableFileBesideThePicker() throws Exception {
        GATEWAY.answer("POST /api/leads/imports", new Answer(400, """
                {"status":400,"title":"Bad Request","detail":"The file has no Phone column",
                 "errors":[{"field":"file","message":"the header needs FirstName and Phone"}]}"""));

        mvc.perform(multipart("/leads/import/preview").file(csv("Name\nRavi\n")).with(csrf()).cookie(access))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The file has no Phone column"),
                        containsString("id=\"file-error\""))));
    }

    @Test
    void shouldSayAFileOverTenMegabytesIsTooLarge() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        mvc.perform(multipart("/leads/import/preview").file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                        .with(csrf()).cookie(access))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("larger than 10 MB")));
        assertThat(GATEWAY.received("POST")).isEmpty();
    }

    @Test
    void shouldKeepAgentsOutOfTheImport() throws Exception {
        Cookie agent = new Cookie("calliyo_access",
                GATEWAY.accessToken("agent-1", "AGENT", Instant.now().plusSeconds(900)));
        mvc.perform(get("/leads/import").cookie(agent)).andExpect(status().isForbidden());
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "leads.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
