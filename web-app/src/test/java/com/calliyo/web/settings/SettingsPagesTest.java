package com.calliyo.web.settings;

import java.time.Instant;

import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Settings sub-pages against a stub gateway: what each sends to the API, and how refusals read. */
class SettingsPagesTest extends SettingsPagesTestBase {

    static final String STATUSES = """
            [{"id":"s-un","name":"Unassigned","kind":"UNASSIGNED","protected":true,"position":0},
             {"id":"s-int","name":"Interested","kind":"OTHER","protected":false,"position":1},
             {"id":"s-hot","name":"Hot","kind":"OTHER","protected":false,"position":2},
             {"id":"s-cust","name":"Customer","kind":"CUSTOMER","protected":true,"position":3}]""";
    static final String CONFIGURATION = """
            {"dailyCallTarget":50,"showCustomerTo":"ALL",
             "autoAssignment":{"enabled":true,"statuses":["s-un"],"runAt":"09:00"},
             "topUp":{"enabled":false,"runAt":"08:00"},"staleLeads":{"enabled":false,"afterDays":30},
             "orderModule":{"enabled":true}}""";

    @BeforeEach
    void answerStatuses() {
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, STATUSES));
    }

    @Test
    void shouldListStatusesInPipelineOrderWithRenameAndDeleteOnlyForUnprotectedOnes() throws Exception {
        String page = mvc.perform(get("/settings/statuses").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).containsSubsequence("Unassigned", "Interested", "Hot", "Customer");
        assertThat(page).contains("aria-label=\"Delete Interested\"", "aria-label=\"Rename Hot\"",
                "aria-label=\"Move Customer up\"", "aria-current=\"page\"");
        assertThat(page).doesNotContain("aria-label=\"Delete Customer\"", "aria-label=\"Rename Unassigned\"");
    }

    @Test
    void shouldShowTheApisReasonBesideTheStatusWhenADeleteIsRefused() throws Exception {
        GATEWAY.answer("DELETE /api/settings/statuses/s-int", new Answer(409, """
                {"status":409,"title":"Status in use",
                 "detail":"Status \\"Interested\\" is used by 3 leads; move them to another status first","leadCount":3}"""));

        String page = mvc.perform(post("/settings/statuses/s-int/delete").with(csrf()).cookie(admin))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"problem-s-int\"", "is used by 3 leads; move them to another status first");
    }

    @Test
    void shouldSendTheWholePipelineWithTheStatusMovedDownByOne() throws Exception {
        GATEWAY.answer("PUT /api/settings/statuses/order", new Answer(200, STATUSES));

        mvc.perform(post("/settings/statuses/s-int/move").param("direction", "down").with(csrf()).cookie(admin))
                .andExpect(status().is3xxRedirection());

        assertThat(GATEWAY.received("PUT /api/settings/statuses/order")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"ids\":[\"s-un\",\"s-hot\",\"s-int\",\"s-cust\"]}"));
    }

    @Test
    void shouldSendTheOrderADragAndDropLeftAndShowTheApisRefusal() throws Exception {
        GATEWAY.answer("PUT /api/settings/statuses/order", new Answer(200, STATUSES), new Answer(422, """
                {"type":"about:blank","title":"Unprocessable","status":422,
                 "detail":"The order must list every status once","errors":[{"field":"ids","message":"must list every status once"}]}"""));

        mvc.perform(post("/settings/statuses/order").param("ids", "s-hot", "s-un", "s-int", "s-cust")
                        .with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/settings/statuses?moved"));
        assertThat(GATEWAY.received("PUT /api/settings/statuses/order")).last()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"ids\":[\"s-hot\",\"s-un\",\"s-int\",\"s-cust\"]}"));

        String page = mvc.perform(post("/settings/statuses/order").param("ids", "s-hot").with(csrf()).cookie(admin))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("must list every status once");
    }

    @Test
    void shouldShowANameErrorBesideTheRenamedStatus() throws Exception {
        GATEWAY.answer("PATCH /api/settings/statuses/s-hot", new Answer(409, """
                {"status":409,"title":"Status name taken","detail":"is already used by the status \\"Interested\\"",
                 "errors":[{"field":"name","message":"is already used by the status \\"Interested\\""}]}"""));

        String page = mvc.perform(post("/settings/statuses/s-hot/rename").param("name", "interested")
                        .with(csrf()).cookie(admin))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Name is already used by the status &quot;Interested&quot;",
                "value=\"interested\"", "aria-describedby=\"problem-s-hot\"");
    }

    @Test
    void shouldSendTheEditedUserAndShowWhyAnAdminCannotBanThemself() throws Exception {
        GATEWAY.answer("GET /api/users/user-1", new Answer(200, """
                {"id":"user-1","name":"Asha Rao","email":"asha@example.com","role":"ADMIN","banned":false}"""));
        GATEWAY.answer("PATCH /api/users/user-1", new Answer(409, """
                {"status":409,"title":"Conflict",
                 "detail":"An admin can neither ban themself nor give up their own admin role"}"""));

        String page = mvc.perform(post("/settings/users/user-1").param("role", "ADMIN").param("leadCap", "40")
                        .param("branch", "Pune").param("department", "").param("banned", "true")
                        .with(csrf()).cookie(admin))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("An admin can neither ban themself nor give up their own admin role",
                "Edit Asha Rao");
        assertThat(GATEWAY.received("PATCH /api/users/user-1")).singleElement().satisfies(r -> assertThat(r.body())
                .isEqualTo("{\"role\":\"ADMIN\",\"leadCap\":\"40\",\"branch\":\"Pune\",\"banned\":true}"));
    }

    @Test
    void shouldListUsersWithTheirCapBranchAndBan() throws Exception {
        GATEWAY.answer("GET /api/users", new Answer(200, """
                {"items":[{"id":"user-1","name":"Asha Rao","email":"asha@example.com","role":"ADMIN","banned":false},
                  {"id":"user-2","name":"Vikram","email":"v@example.com","role":"AGENT","leadCap":25,
                   "branch":"Pune","department":"Loans","banned":true}],"page":0,"size":100,"total":2}"""));

        String page = mvc.perform(get("/settings/users").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("(you)", "<td>25</td>", "<td>Pune</td>", "<td>Loans</td>", "Banned",
                "aria-label=\"Edit Vikram\"", "Add user");
    }

    @Test
    void shouldSaveTheConfigurationWithThePasswordHeader() throws Exception {
        GATEWAY.answer("PUT /api/settings/configuration", new Answer(200, CONFIGURATION));

        mvc.perform(post("/settings/configuration").with(csrf()).cookie(admin)
                        .param("dailyCallTarget", "60").param("showCustomerTo", "AGENT_ONLY")
                        .param("autoAssignmentEnabled", "true").param("autoAssignmentStatuses", "s-un", "s-int")
                        .param("autoAssignmentRunAt", "09:30").param("topUpRunAt", "08:00")
                        .param("staleLeadsAfterDays", "30").param("orderModuleEnabled", "true")
                        .param("confirmPassword", "s3cret-Pass"))
                .andExpect(redirectedUrl("/settings/configuration?saved"));

        assertThat(GATEWAY.received("PUT /api/settings/configuration")).singleElement().satisfies(r -> {
            assertThat(r.header("X-Confirm-Password")).isEqualTo("s3cret-Pass");
            assertThat(r.body()).contains("\"dailyCallTarget\":60", "\"showCustomerTo\":\"AGENT_ONLY\"",
                    "\"statuses\":[\"s-un\",\"s-int\"]", "\"runAt\":\"09:30\"", "\"afterDays\":30",
                    "\"topUp\":{\"enabled\":false");
        });
    }

    @Test
    void shouldSayAWrongPasswordBesideThePasswordAndNestedErrorsBesideTheirField() throws Exception {
        GATEWAY.answer("GET /api/settings/auto-assignment/last-run", new Answer(200, """
                {"job":"auto-assignment","ranAt":"2026-12-01T04:00:00Z","assigned":42,"agents":6,"leftUnassigned":3,
                 "summary":"42 leads assigned across 6 agents, 3 unassigned (agents at cap)","trigger":"RUN_NOW"}"""));
        GATEWAY.answer("PUT /api/settings/configuration",
                new Answer(403, "{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"Password confirmation failed\"}"),
                new Answer(400, """
                        {"status":400,"title":"Bad Request","detail":"Invalid configuration",
                         "errors":[{"field":"autoAssignment.runAt","message":"must be HH:mm"}]}"""));

        String wrong = mvc.perform(post("/settings/configuration").with(csrf()).cookie(admin)
                        .param("dailyCallTarget", "50").param("confirmPassword", "wrong"))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        String invalid = mvc.perform(post("/settings/configuration").with(csrf()).cookie(admin)
                        .param("autoAssignmentRunAt", "9 am").param("confirmPassword", "right"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(wrong).contains("id=\"confirmPassword-error\"", "That is not your password",
                "42 leads assigned across 6 agents, 3 unassigned (agents at cap)").doesNotContain("Your role");
        assertThat(invalid).contains("id=\"autoAssignmentRunAt-error\"", "must be HH:mm", "value=\"9 am\"");
    }

    @Test
    void shouldRunAJobNowAndShowARunAlreadyGoingOn() throws Exception {
        GATEWAY.answer("GET /api/settings/configuration", new Answer(200, CONFIGURATION));
        GATEWAY.answer("POST /api/settings/top-up/run", new Answer(200, "{\"job\":\"top-up\",\"summary\":\"ok\"}"),
                new Answer(409, "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"Top-up is already running\"}"));

        mvc.perform(post("/settings/configuration/jobs/top-up/run").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/settings/configuration?ran=top-up#job-top-up"));
        String page = mvc.perform(post("/settings/configuration/jobs/top-up/run").with(csrf()).cookie(admin))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Top-up is already running", "Last run:", "never");
        mvc.perform(post("/settings/configuration/jobs/nothing/run").with(csrf()).cookie(admin))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldShowANewApiKeysTokenOnceAndNeverCacheIt() throws Exception {
        GATEWAY.answer("GET /api/settings/api-keys", new Answer(200, """
                {"items":[{"id":"k1","name":"CRM sync","scopes":["leads:read"],"createdAt":"2026-12-01T04:00:00Z"}],
                 "page":0,"size":100,"total":1}"""));
        GATEWAY.answer("POST /api/settings/api-keys", new Answer(201, """
                {"id":"k1","name":"CRM sync","scopes":["leads:read"],"token":"ck_live_abc123"}"""));

        String created = mvc.perform(post("/settings/api-keys").param("name", "CRM sync").param("scopes", "leads:read")
                        .with(csrf()).cookie(admin))
                .andExpect(status().isCreated()).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        String listed = mvc.perform(get("/settings/api-keys").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(created).contains("value=\"ck_live_abc123\"", "Copy token", "shown only this once");
        assertThat(listed).contains("CRM sync", "aria-label=\"Revoke CRM sync\"").doesNotContain("ck_live_");
        assertThat(GATEWAY.received("POST /api/settings/api-keys")).singleElement().satisfies(r ->
                assertThat(r.body()).isEqualTo("{\"name\":\"CRM sync\",\"scopes\":[\"leads:read\"]}"));
    }

    @Test
    void shouldCreateAWebhookKeyWithItsListsAndShowItsUrlAndToken() throws Exception {
        GATEWAY.answer("GET /api/settings/webhook-keys", new Answer(200, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}"));
        GATEWAY.answer("POST /api/settings/webhook-keys", new Answer(201, """
                {"id":"w1","name":"Site","url":"/api/webhooks/leads/w1","token":"wh_live_xyz"}"""));

        String page = mvc.perform(post("/settings/webhook-keys").param("name", "Site")
                        .param("allowedDomains", "example.com, *.example.com").param("defaultTags", "web")
                        .param("defaultStatus", "").with(csrf()).cookie(admin))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"wh_live_xyz\"", "value=\"/api/webhooks/leads/w1\"");
        assertThat(GATEWAY.received("POST /api/settings/webhook-keys")).singleElement().satisfies(r ->
                assertThat(r.body()).isEqualTo(
                        "{\"name\":\"Site\",\"allowedDomains\":[\"example.com\",\"*.example.com\"],\"defaultTags\":[\"web\"]}"));
    }

    @Test
    void shouldSaveGstRatesAndShowARefusalBesideTheField() throws Exception {
        GATEWAY.answer("GET /api/orders/settings",
                new Answer(200, "{\"gstRates\":[\"0\",\"5\",\"18\"],\"orderModuleEnabled\":true}"));
        GATEWAY.answer("PUT /api/orders/settings", new Answer(200, "{\"gstRates\":[\"0\",\"12\"]}"),
                new Answer(400, """
                        {"status":400,"title":"Bad Request","detail":"Invalid request",
                         "errors":[{"field":"gstRates","message":"each rate must be at least 0 and below 100"}]}"""));

        mvc.perform(post("/settings/orders").param("gstRates", "0, 12%").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/settings/orders?saved"));
        String page = mvc.perform(post("/settings/orders").param("gstRates", "0, 120").with(csrf()).cookie(admin))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        String notNumbers = mvc.perform(post("/settings/orders").param("gstRates", "5, eighteen").with(csrf())
                        .cookie(admin))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(notNumbers).contains("GST rates must be numbers such as 0, 5, 18", "value=\"5, eighteen\"");
        assertThat(GATEWAY.received("PUT /api/orders/settings")).hasSize(2);
        assertThat(GATEWAY.received("PUT /api/orders/settings").get(0).body()).isEqualTo("{\"gstRates\":[\"0\",\"12\"]}");
        assertThat(page).contains("id=\"gstRates-error\"", "GST rates each rate must be at least 0 and below 100",
                "value=\"0, 120\"");
    }

    @Test
    void shouldKeepTheTypedRatesAndOfferTryAgainWithoutAskingTheSilentServiceAgain() throws Exception {
        GATEWAY.answer("PUT /api/orders/settings", new Answer(504, """
                {"status":504,"title":"Gateway Timeout","detail":"order-service did not answer in time"}"""));

        String page = mvc.perform(post("/settings/orders").param("gstRates", "0, 5, 28").with(csrf()).cookie(admin))
                .andExpect(status().isGatewayTimeout()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Try again.", "value=\"0, 5, 28\"").doesNotContain("Order module is");
        assertThat(GATEWAY.received("GET /api/orders/settings")).isEmpty();
    }

    @Test
    void shouldKeepAddUserOnTheCompanyPageWithItsFieldErrors() throws Exception {
        GATEWAY.answer("GET /api/users", new Answer(200, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}"));
        GATEWAY.answer("POST /api/users", new Answer(409, """
                {"status":409,"title":"Conflict","detail":"Email already used",
                 "errors":[{"field":"email","message":"is already used in this company"}]}"""));

        String page = mvc.perform(post("/settings/users").param("name", "Vikram").param("email", "v@example.com")
                        .param("password", "secret-123").param("role", "AGENT").param("leadCap", "25")
                        .with(csrf()).cookie(admin))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Company profile", "id=\"email-error\"", "is already used in this company",
                "value=\"25\"", "Manage users", "aria-label=\"Settings\"").doesNotContain("secret-123");
        assertThat(page.split("id=\"phone\"")).as("one element with id phone").hasSize(2);
        assertThat(GATEWAY.received("POST /api/users").get(0).body())
                .isEqualTo("{\"name\":\"Vikram\",\"email\":\"v@example.com\",\"password\":\"secret-123\","
                        + "\"role\":\"AGENT\",\"leadCap\":\"25\"}");
    }

    @Test
    void shouldRefuseEverySettingsPageToManagersAndAgents() throws Exception {
        for (String role : new String[] {"MANAGER", "AGENT"}) {
            Cookie other = new Cookie("calliyo_access",
                    GATEWAY.accessToken("user-2", role, Instant.now().plusSeconds(900)));
            for (String path : new String[] {"/settings/statuses", "/settings/users", "/settings/users/user-1",
                    "/settings/configuration", "/settings/api-keys", "/settings/webhook-keys", "/settings/orders",
                    "/settings/mobile"}) {
                mvc.perform(get(path).cookie(other)).andExpect(status().isForbidden());
            }
            mvc.perform(post("/settings/statuses/s-int/delete").with(csrf()).cookie(other))
                    .andExpect(status().isForbidden());
        }
        assertThat(GATEWAY.received()).isEmpty();
    }
}
