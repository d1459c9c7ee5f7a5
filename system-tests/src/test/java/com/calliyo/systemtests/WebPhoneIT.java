package com.calliyo.systemtests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents work on phones: every main screen fits 360 px without sideways scrolling. */
class WebPhoneIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldFitEveryMainScreenIntoAPhoneWidth() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String leadId = Scenario.captureLead(company.gateway(), "phone-width");
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.PHONE)) {
            Screen screen = browser.screen();
            screen.open("/sign-in");
            assertThat(screen.scrollWidth()).isLessThanOrEqualTo(360);
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");

            for (String[] page : new String[][] {{"/tasks", "Tasks"}, {"/leads", "Leads"},
                    {"/leads/" + leadId, "Meera Iyer"}, {"/customers", "Customers"}, {"/reports", "Reports"},
                    {"/settings", "Settings"}, {"/leads/new", "Add lead"}}) {
                screen.open(page[0]);
                screen.heading(page[1]);
                assertThat(screen.scrollWidth()).as("width of %s", page[0]).isLessThanOrEqualTo(360);
                assertThat(screen.hasLink("Customers")).as("navigation on %s", page[0]).isTrue();
            }
            screen.open("/leads");
            browser.screenshot("leads-phone");
            screen.open("/reports");
            browser.screenshot("reports-phone");
        }
    }
}
