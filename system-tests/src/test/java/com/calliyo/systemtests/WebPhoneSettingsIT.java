package com.calliyo.systemtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 in the browser as an admin clicks it on the real stack: Settings → Phone app sets a 6-digit mPIN and
 * requires attendance (lead-service then says so), and "Reset mPIN of X" on Users shows a new mPIN once, with which
 * the agent's phone signs in while the old one no longer works.
 */
class WebPhoneSettingsIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldLetAnAdminSetThePhoneAppAndResetAnAgentsMpin() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        MobileAgentIT.Phone phone = MobileAgentIT.Phone.create(company, "2468");
        phone.signIn();
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            screen.click("Settings");
            screen.click("Phone app");
            screen.heading("Phone app");
            screen.check("6 digits");
            screen.check("Require attendance");
            screen.click("Save phone app settings");
            WebSettingsIT.see(browser, "Phone app settings saved.");
            browser.screenshots("settings-phone-app");

            Gateway.Response saved = company.gateway().get("/api/settings/mobile");
            assertThat(saved.json().get("mpinLength").asInt()).isEqualTo(6);
            assertThat(saved.json().get("requireAttendance").asBoolean()).isTrue();
            assertThat(screen.field("6 digits").isSelected()).isTrue();
            assertThat(screen.field("Require attendance").isSelected()).isTrue();

            screen.click("Users");
            screen.click("Reset mPIN of Phone Agent");
            WebSettingsIT.see(browser, "New mPIN of Phone Agent");
            String mpin = screen.field("mPIN").getDomProperty("value");
            browser.screenshots("settings-mpin-reset");

            assertThat(mpin).matches("\\d{6}");
            assertThat(screen.text()).contains("1 phone signed out.");
            assertThat(phone.login(mpin).status()).isEqualTo(200);
            Gateway.Response old = phone.login("2468");
            assertThat(old.status()).isNotEqualTo(200);
            assertThat(old.json().get("detail").asString()).isEqualTo("Invalid M-PIN");
            screen.open("/settings/users");
            screen.heading("Users");
            assertThat(browser.driver().getPageSource()).doesNotContain("value=\"" + mpin + "\"");
        }
    }
}
