package com.calliyo.web.settings;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Settings → Phone app and the Users screen's "Reset mPIN", against a stub gateway. */
class PhoneSettingsPagesTest extends SettingsPagesTestBase {

    static final String USERS = """
            {"items":[{"id":"user-1","name":"Asha Rao","email":"asha@example.com","role":"ADMIN","banned":false},
              {"id":"user-2","name":"Vikram","email":"v@example.com","role":"AGENT","banned":false}],
             "page":0,"size":100,"total":2}""";

    @Test
    void shouldShowTheCompanysMpinLengthAndAttendanceRule() throws Exception {
        GATEWAY.answer("GET /api/settings/mobile", new Answer(200, "{\"mpinLength\":6,\"requireAttendance\":true}"));

        String page = mvc.perform(get("/settings/mobile").cookie(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Phone app", "aria-current=\"page\"", "Require attendance",
                "Save phone app settings");
        assertThat(page).containsPattern("id=\"mpinLength-6\"[^>]*checked")
                .doesNotContainPattern("id=\"mpinLength-4\"[^>]*checked")
                .containsPattern("id=\"requireAttendance\"[^>]*checked");
    }

    @Test
    void shouldSaveBothSettingsAndSayItWasSaved() throws Exception {
        GATEWAY.answer("PUT /api/settings/mobile", new Answer(200, "{\"mpinLength\":6,\"requireAttendance\":true}"));

        mvc.perform(post("/settings/mobile").param("mpinLength", "6").param("requireAttendance", "true")
                        .with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/settings/mobile?saved"));
        mvc.perform(post("/settings/mobile").param("mpinLength", "4").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/settings/mobile?saved"));

        assertThat(GATEWAY.received("PUT /api/settings/mobile")).extracting(StubGateway.Received::body)
                .containsExactly("{\"mpinLength\":6,\"requireAttendance\":true}",
                        "{\"mpinLength\":4,\"requireAttendance\":false}");
    }

    @Test
    void shouldShowTheApisRefusalBesideTheLengthAndKeepTheChoice() throws Exception {
        GATEWAY.answer("PUT /api/settings/mobile", new Answer(400, """
                {"status":400,"title":"Invalid request","detail":"mpinLength must be 4 or 6",
                 "errors":[{"field":"mpinLength","message":"must be 4 or 6"}]}"""));

        String page = mvc.perform(post("/settings/mobile").param("mpinLength", "5").param("requireAttendance", "true")
                        .with(csrf()).cookie(admin))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"mpinLength-error\"", "mPIN length must be 4 or 6", "aria-invalid=\"true\"")
                .containsPattern("id=\"requireAttendance\"[^>]*checked");
        assertThat(GATEWAY.received("PUT /api/settings/mobile")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"mpinLength\":5,\"requireAttendance\":true}"));
    }

    @Test
    void shouldResetAnAgentsMpinAndShowTheNewOneOnceUncached() throws Exception {
        GATEWAY.answer("GET /api/users", new Answer(200, USERS));
        GATEWAY.answer("GET /api/users/user-2", new Answer(200, """
                {"id":"user-2","name":"Vikram","email":"v@example.com","role":"AGENT","banned":false}"""));
        GATEWAY.answer("POST /api/users/user-2/mpin-reset", new Answer(200, """
                {"userId":"user-2","mpin":"4821","mobileSessionsEnded":1}"""));

        String list = mvc.perform(get("/settings/users").cookie(admin)).andReturn().getResponse()
                .getContentAsString();
        String page = mvc.perform(post("/settings/users/user-2/mpin-reset").with(csrf()).cookie(admin))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();

        assertThat(list).contains("aria-label=\"Reset mPIN of Vikram\"").doesNotContain("New mPIN");
        assertThat(page).contains("New mPIN of Vikram", "value=\"4821\"", "1 phone signed out.");
        assertThat(GATEWAY.received("POST /api/users/user-2/mpin-reset")).hasSize(1);
    }

    @Test
    void shouldSayWhyAResetWasRefused() throws Exception {
        GATEWAY.answer("GET /api/users", new Answer(200, USERS));
        GATEWAY.answer("POST /api/users/gone/mpin-reset", new Answer(404, """
                {"status":404,"title":"Not found","detail":"User gone not found"}"""));

        String page = mvc.perform(post("/settings/users/gone/mpin-reset").with(csrf()).cookie(admin))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("User gone not found").doesNotContain("New mPIN");
    }

    @Test
    void shouldRefuseTheResetToManagersWithoutAskingTheApi() throws Exception {
        Cookie manager = new Cookie("calliyo_access",
                GATEWAY.accessToken("user-3", "MANAGER", Instant.now().plusSeconds(900)));

        mvc.perform(post("/settings/users/user-2/mpin-reset").with(csrf()).cookie(manager))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/mobile").param("mpinLength", "6").with(csrf()).cookie(manager))
                .andExpect(status().isForbidden());

        assertThat(GATEWAY.received()).isEmpty();
    }
}
